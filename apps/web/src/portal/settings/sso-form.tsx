import { SsoInput } from "@tessera/domain";
import { Button } from "@tessera/ui";
import { useEffect } from "react";
import { ErrorAlert } from "../../components/error-alert.tsx";
import { FormError, FormField } from "../../components/form-field.tsx";
import { useZodForm } from "../../components/zod-form.ts";
import { trpc } from "../../trpc.ts";
import { CallbackUrls, EnforceCheckbox, JitFields, OidcFields, ProtocolChoice } from "./sso-form-fields.tsx";
import { SamlFields } from "./sso-saml-fields.tsx";
import { inputOf, type SsoSettings, valuesOf } from "./sso-values.ts";
import { type Gate, useRefreshWhiteLabel } from "./white-label-data.ts";

/** The form (any edit clears the saved notice) and the save, checked with the API's schema. */
const useSsoForm = (saved: SsoSettings | null, onSaved: (saved: boolean) => void) => {
  const refresh = useRefreshWhiteLabel();
  const form = useZodForm({
    schema: SsoInput,
    defaultValues: valuesOf(saved),
    toInput: (values) => ({ input: inputOf(values) }),
  });
  const { watch } = form;
  useEffect(() => {
    const edits = watch(() => onSaved(false));
    return () => edits.unsubscribe();
  }, [watch, onSaved]);
  const save = trpc.whiteLabel.enableSSO.useMutation({
    onSuccess: async () => {
      onSaved(true);
      await refresh();
    },
    onError: form.showServerErrors,
  });
  const submit = form.handleSubmit(
    (input) => save.mutate(input),
    () => save.reset(),
  );
  return { form, save, submit };
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
  const { form, save, submit } = useSsoForm(saved, onSaved);
  const protocol = form.watch("protocol");
  const fields = { control: form.control, register: form.register };
  const keepsSecret = saved?.protocol === "OIDC" && saved.hasClientSecret;
  return (
    <form onSubmit={submit} noValidate aria-label="Single sign-on" className="space-y-5">
      <fieldset disabled={!gate.allowed} className="space-y-5">
        <ProtocolChoice register={form.register} />
        {protocol === "OIDC" ? (
          <OidcFields control={form.control} keepsSecret={keepsSecret} />
        ) : (
          <SamlFields {...fields} saved={saved} />
        )}
        <FormField
          control={form.control}
          label="Allowed email domains"
          name="allowedDomains"
          multiline
          hint="One a line or separated by commas, e.g. example.com. Only these people may sign in through it, once each domain is verified below."
          required
        />
        <JitFields {...fields} />
        <EnforceCheckbox register={form.register} />
        {protocol === "OIDC" && <CallbackUrls customDomain={customDomain} />}
      </fieldset>
      <FormError control={form.control} />
      <ErrorAlert error={save.error} title="Single sign-on not saved" />
      <div className="flex justify-end">
        <Button type="submit" busy={save.isPending} disabled={!gate.allowed}>
          {save.isPending ? "Saving…" : "Save single sign-on"}
        </Button>
      </div>
    </form>
  );
};
