import { useMutation } from "@tanstack/react-query";
import { SsoInput } from "@tessera/domain";
import { type FormEvent, useState } from "react";
import { Button } from "../../components/button.tsx";
import { ErrorAlert } from "../../components/error-alert.tsx";
import { Field } from "../../components/field.tsx";
import { errorsUnder, useSchemaForm } from "../../components/use-form.ts";
import { useTRPC } from "../../trpc.ts";
import { CallbackUrls, EnforceCheckbox, JitFields, OidcFields, ProtocolChoice } from "./sso-form-fields.tsx";
import { SamlFields } from "./sso-saml-fields.tsx";
import { inputOf, type SsoSettings, type SsoValues, valuesOf } from "./sso-values.ts";
import { type Gate, useRefreshWhiteLabel } from "./white-label-data.ts";

/** The form's values (any edit clears the saved notice) and the save, checked with the API's schema. */
const useSsoForm = (saved: SsoSettings | null, onSaved: (saved: boolean) => void) => {
  const trpc = useTRPC();
  const refresh = useRefreshWhiteLabel();
  const [values, setValues] = useState(() => valuesOf(saved));
  const form = useSchemaForm(SsoInput);
  const save = useMutation(
    trpc.whiteLabel.enableSSO.mutationOptions({
      onSuccess: async () => {
        onSaved(true);
        await refresh();
      },
      onError: form.showServerErrors,
    }),
  );
  const set =
    <Key extends keyof SsoValues>(key: Key) =>
    (value: SsoValues[Key]) => {
      onSaved(false);
      setValues({ ...values, [key]: value });
    };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.reset();
    const input = form.parse(inputOf(values));
    if (input) save.mutate(input);
  };
  return { values, set, form, save, submit };
};

/** The provider's settings, the allowed domains and enforcement; saving checks the provider. */
export const SsoForm = ({
  saved,
  gate,
  customDomain,
  onSaved,
}: {
  saved: SsoSettings | null;
  gate: Gate;
  customDomain: string | null;
  onSaved: (saved: boolean) => void;
}) => {
  const { values, set, form, save, submit } = useSsoForm(saved, onSaved);
  const keepsSecret = saved?.protocol === "OIDC" && saved.hasClientSecret;
  return (
    <form onSubmit={submit} noValidate aria-label="Single sign-on" className="space-y-5">
      <fieldset disabled={!gate.allowed} className="space-y-5">
        <ProtocolChoice protocol={values.protocol} onChange={set("protocol")} />
        {values.protocol === "OIDC" ? (
          <OidcFields values={values} set={set} errors={form.errors} keepsSecret={keepsSecret} />
        ) : (
          <SamlFields values={values} set={set} errors={form.errors} saved={saved} />
        )}
        <Field
          label="Allowed email domains"
          name="allowedDomains"
          multiline
          value={values.allowedDomains}
          onChange={set("allowedDomains")}
          error={errorsUnder(form.errors, "allowedDomains")}
          hint="One a line or separated by commas, e.g. example.com. Only these people may sign in through it, once each domain is verified below."
          required
        />
        <JitFields values={values} set={set} errors={form.errors} />
        <EnforceCheckbox checked={values.enforced} onChange={set("enforced")} />
        {values.protocol === "OIDC" && <CallbackUrls customDomain={customDomain} />}
      </fieldset>
      <ErrorAlert error={save.error} title="Single sign-on not saved" />
      <div className="flex justify-end">
        <Button type="submit" busy={save.isPending} disabled={!gate.allowed}>
          {save.isPending ? "Saving…" : "Save single sign-on"}
        </Button>
      </div>
    </form>
  );
};
