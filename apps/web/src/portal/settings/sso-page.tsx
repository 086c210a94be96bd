import { useMutation, useQuery } from "@tanstack/react-query";
import type { AppRouter } from "@tessera/api";
import { SSO_PROTOCOLS, SsoInput, type SsoProtocol } from "@tessera/domain";
import type { inferRouterOutputs } from "@trpc/server";
import { type FormEvent, useState } from "react";
import { Alert } from "../../components/alert.tsx";
import { Badge } from "../../components/badge.tsx";
import { Button } from "../../components/button.tsx";
import { Card } from "../../components/card.tsx";
import { ConfirmDialog } from "../../components/confirm-dialog.tsx";
import { CopyButton } from "../../components/copy-button.tsx";
import { ErrorAlert } from "../../components/error-alert.tsx";
import { Field } from "../../components/field.tsx";
import { formatDate } from "../../components/format-date.ts";
import { Detail } from "../../components/organization-fields.tsx";
import { QueryState } from "../../components/query-state.tsx";
import { errorsUnder, useSchemaForm } from "../../components/use-form.ts";
import { useTRPC } from "../../trpc.ts";
import { SsoDomainsPanel } from "./sso-domains-panel.tsx";
import { GateNotice } from "./tier-gate.tsx";
import { type Gate, useRefreshWhiteLabel, useWhiteLabelConfig } from "./white-label-data.ts";

type SsoSettings = NonNullable<inferRouterOutputs<AppRouter>["whiteLabel"]["sso"]>;

/** Where the identity provider sends people back (see the API's SSO_CALLBACK_PATH). */
export const SSO_CALLBACK_PATH = "/auth/sso/callback";

interface SsoValues {
  protocol: SsoProtocol;
  issuer: string;
  clientId: string;
  clientSecret: string;
  entityId: string;
  ssoUrl: string;
  certificate: string;
  allowedDomains: string;
  enforced: boolean;
}

const valuesOf = (saved: SsoSettings | null): SsoValues => ({
  protocol: saved?.protocol ?? "OIDC",
  issuer: saved?.protocol === "OIDC" ? saved.issuer : "",
  clientId: saved?.protocol === "OIDC" ? saved.clientId : "",
  clientSecret: "",
  entityId: saved?.protocol === "SAML" ? saved.entityId : "",
  ssoUrl: saved?.protocol === "SAML" ? saved.ssoUrl : "",
  certificate: saved?.protocol === "SAML" ? saved.certificate : "",
  allowedDomains: saved?.allowedDomains.join("\n") ?? "",
  enforced: saved?.enforced ?? false,
});

/** Domains typed one a line or separated by commas. */
const domainList = (value: string) =>
  value
    .split(/[\s,;]+/)
    .map((domain) => domain.trim())
    .filter(Boolean);

const inputOf = (values: SsoValues) => {
  const shared = { allowedDomains: domainList(values.allowedDomains), enforced: values.enforced };
  return values.protocol === "OIDC"
    ? {
        protocol: "OIDC" as const,
        issuer: values.issuer,
        clientId: values.clientId,
        ...(values.clientSecret ? { clientSecret: values.clientSecret } : {}),
        ...shared,
      }
    : {
        protocol: "SAML" as const,
        entityId: values.entityId,
        ssoUrl: values.ssoUrl,
        certificate: values.certificate,
        ...shared,
      };
};

/** The redirect URL to register at the provider: this site's, and the verified custom domain's. */
const CallbackUrls = ({ customDomain }: { customDomain: string | null }) => {
  const urls = [`${window.location.origin}${SSO_CALLBACK_PATH}`];
  const onDomain = customDomain ? `https://${customDomain}${SSO_CALLBACK_PATH}` : null;
  if (onDomain && onDomain !== urls[0]) urls.push(onDomain);
  return (
    <div>
      <p className="text-sm font-medium text-slate-800 dark:text-slate-200">
        Redirect (callback) URL to register at your provider
      </p>
      <ul className="mt-2 space-y-2">
        {urls.map((url) => (
          <li key={url} className="flex flex-wrap items-center gap-2">
            <code
              data-testid="sso-callback-url"
              className="break-all rounded bg-slate-100 dark:bg-slate-800 px-2 py-1 font-mono text-sm"
            >
              {url}
            </code>
            <CopyButton value={url} label={`callback URL ${url}`} />
          </li>
        ))}
      </ul>
    </div>
  );
};

const CertificateDetails = ({ saved }: { saved: Extract<SsoSettings, { protocol: "SAML" }> }) => (
  <dl className="grid gap-4 rounded-md border border-slate-200 dark:border-slate-700 p-4 md:grid-cols-3">
    <Detail label="Certificate subject">{saved.certificateSubject}</Detail>
    <Detail label="SHA-256 fingerprint">
      <span className="break-all font-mono text-xs">{saved.certificateFingerprint256}</span>
    </Detail>
    <Detail label="Expires">{formatDate(saved.certificateExpiresAt)}</Detail>
  </dl>
);

const SsoForm = ({
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
  const keepsSecret = saved?.protocol === "OIDC" && saved.hasClientSecret;
  return (
    <form onSubmit={submit} noValidate aria-label="Single sign-on" className="space-y-5">
      <fieldset disabled={!gate.allowed} className="space-y-5">
        <fieldset>
          <legend className="text-sm font-medium text-slate-800 dark:text-slate-200">Protocol</legend>
          <div className="mt-2 flex gap-6">
            {SSO_PROTOCOLS.map((protocol) => (
              <label key={protocol} className="flex items-center gap-2 text-sm">
                <input
                  type="radio"
                  name="ssoProtocol"
                  value={protocol}
                  checked={values.protocol === protocol}
                  onChange={() => set("protocol")(protocol)}
                  className="size-4"
                />
                {protocol === "OIDC" ? "OpenID Connect (OIDC)" : "SAML 2.0"}
              </label>
            ))}
          </div>
        </fieldset>
        {values.protocol === "OIDC" ? (
          <div className="grid gap-4 md:grid-cols-2">
            <Field
              label="Issuer URL"
              name="issuer"
              type="url"
              value={values.issuer}
              onChange={set("issuer")}
              error={form.errors.issuer}
              placeholder="https://login.example.com"
              hint="Its discovery document is read from /.well-known/openid-configuration."
              required
            />
            <Field
              label="Client ID"
              name="clientId"
              value={values.clientId}
              onChange={set("clientId")}
              error={form.errors.clientId}
              required
            />
            <Field
              label="Client secret"
              name="clientSecret"
              type="password"
              autoComplete="off"
              value={values.clientSecret}
              onChange={set("clientSecret")}
              error={form.errors.clientSecret}
              hint={
                keepsSecret
                  ? "A secret is stored; leave blank to keep it."
                  : "Stored encrypted and never shown again."
              }
              required={!keepsSecret}
            />
          </div>
        ) : (
          <div className="space-y-4">
            <Alert tone="info">
              Tessera checks and stores a SAML setup, but its sign-in page starts single sign-on through OIDC
              only: choose OIDC for your people to sign in through your provider today.
            </Alert>
            <div className="grid gap-4 md:grid-cols-2">
              <Field
                label="IdP entity ID"
                name="entityId"
                value={values.entityId}
                onChange={set("entityId")}
                error={form.errors.entityId}
                required
              />
              <Field
                label="SSO URL"
                name="ssoUrl"
                type="url"
                value={values.ssoUrl}
                onChange={set("ssoUrl")}
                error={form.errors.ssoUrl}
                placeholder="https://"
                required
              />
            </div>
            <Field
              label="X.509 signing certificate (PEM)"
              name="certificate"
              multiline
              value={values.certificate}
              onChange={set("certificate")}
              error={form.errors.certificate}
              placeholder="-----BEGIN CERTIFICATE-----"
              required
            />
            {saved?.protocol === "SAML" && <CertificateDetails saved={saved} />}
          </div>
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
        <label className="flex items-start gap-2 text-sm">
          <input
            type="checkbox"
            name="enforced"
            checked={values.enforced}
            onChange={(event) => set("enforced")(event.target.checked)}
            className="mt-0.5 size-4"
          />
          <span>
            <span className="font-medium text-slate-900 dark:text-slate-100">
              Enforce SSO (turn off password sign-in)
            </span>
            <span className="block text-slate-600 dark:text-slate-300">
              Everyone in your organisation, you included, must then sign in through the provider. Try single
              sign-on first.
            </span>
          </span>
        </label>
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

const RemoveSso = ({ saved }: { saved: SsoSettings }) => {
  const trpc = useTRPC();
  const refresh = useRefreshWhiteLabel();
  const [open, setOpen] = useState(false);
  const remove = useMutation(
    trpc.whiteLabel.deleteCustomization.mutationOptions({
      onSuccess: async () => {
        setOpen(false);
        await refresh();
      },
    }),
  );
  return (
    <>
      <Button variant="secondary" onClick={() => setOpen(true)}>
        Remove single sign-on
      </Button>
      <ConfirmDialog
        open={open}
        title="Remove single sign-on?"
        confirmLabel="Remove"
        busy={remove.isPending}
        busyLabel="Removing…"
        onCancel={() => {
          setOpen(false);
          remove.reset();
        }}
        onConfirm={() => remove.mutate({ customizationId: saved.id })}
      >
        <p>Your people sign in with their passwords again; the stored client secret is deleted.</p>
        <ErrorAlert error={remove.error} title="Single sign-on not removed" />
      </ConfirmDialog>
    </>
  );
};

/** How the organisation's people sign in through their own identity provider. */
export const SsoSettingsPage = () => {
  const trpc = useTRPC();
  const config = useWhiteLabelConfig();
  const sso = useQuery(trpc.whiteLabel.sso.queryOptions());
  // Kept here, not in the form: the form starts afresh from each saved version.
  const [justSaved, setJustSaved] = useState(false);
  return (
    <QueryState query={config}>
      {({ gates, domain }) => (
        <>
          <GateNotice gate={gates.SSO} what="Single sign-on" />
          <QueryState query={sso}>
            {(saved) => (
              <Card
                title="Single sign-on"
                actions={
                  saved ? (
                    <div className="flex items-center gap-2">
                      <Badge tone="green">{saved.protocol} set up</Badge>
                      {saved.enforced && <Badge tone="amber">Enforced</Badge>}
                    </div>
                  ) : (
                    <Badge>Not set up</Badge>
                  )
                }
              >
                {saved && (
                  <p className="mb-4 text-sm text-slate-600 dark:text-slate-300">
                    Last changed {formatDate(saved.updatedAt)}.
                  </p>
                )}
                <SsoForm
                  key={saved ? `${saved.id}-${saved.version}` : "new"}
                  saved={saved}
                  gate={gates.SSO}
                  customDomain={domain?.status === "VERIFIED" ? domain.hostname : null}
                  onSaved={setJustSaved}
                />
                <div aria-live="polite" className="mt-4">
                  {justSaved && <Alert tone="success">Single sign-on saved.</Alert>}
                </div>
                {saved && (
                  <div className="mt-4 border-t border-slate-200 dark:border-slate-700 pt-4">
                    <RemoveSso saved={saved} />
                  </div>
                )}
              </Card>
            )}
          </QueryState>
          <SsoDomainsPanel gate={gates.SSO} allowedDomains={sso.data?.allowedDomains ?? []} />
        </>
      )}
    </QueryState>
  );
};
