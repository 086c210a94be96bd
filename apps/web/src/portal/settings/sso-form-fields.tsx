import { SSO_PROTOCOLS, type SsoProtocol } from "@tessera/domain";
import { Alert } from "../../components/alert.tsx";
import { CopyButton } from "../../components/copy-button.tsx";
import { Field } from "../../components/field.tsx";
import { formatDate } from "../../components/format-date.ts";
import { Detail } from "../../components/organization-fields.tsx";
import type { FieldErrors } from "../../components/use-form.ts";
import type { SsoSettings, SsoValues } from "./sso-values.ts";

/** Where the identity provider sends people back (see the API's SSO_CALLBACK_PATH). */
const SSO_CALLBACK_PATH = "/auth/sso/callback";

type SetValue = <Key extends keyof SsoValues>(key: Key) => (value: SsoValues[Key]) => void;
interface FieldsProps {
  values: SsoValues;
  set: SetValue;
  errors: FieldErrors;
}

/** The redirect URL to register at the provider: this site's, and the verified custom domain's. */
export const CallbackUrls = ({ customDomain }: { customDomain: string | null }) => {
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

export const ProtocolChoice = ({
  protocol: chosen,
  onChange,
}: {
  protocol: SsoProtocol;
  onChange: (protocol: SsoProtocol) => void;
}) => (
  <fieldset>
    <legend className="text-sm font-medium text-slate-800 dark:text-slate-200">Protocol</legend>
    <div className="mt-2 flex gap-6">
      {SSO_PROTOCOLS.map((protocol) => (
        <label key={protocol} className="flex items-center gap-2 text-sm">
          <input
            type="radio"
            name="ssoProtocol"
            value={protocol}
            checked={chosen === protocol}
            onChange={() => onChange(protocol)}
            className="size-4"
          />
          {protocol === "OIDC" ? "OpenID Connect (OIDC)" : "SAML 2.0"}
        </label>
      ))}
    </div>
  </fieldset>
);

/** OpenID Connect: issuer (discovered), client id and secret (kept when left blank). */
export const OidcFields = ({ values, set, errors, keepsSecret }: FieldsProps & { keepsSecret: boolean }) => (
  <div className="grid gap-4 md:grid-cols-2">
    <Field
      label="Issuer URL"
      name="issuer"
      type="url"
      value={values.issuer}
      onChange={set("issuer")}
      error={errors.issuer}
      placeholder="https://login.example.com"
      hint="Its discovery document is read from /.well-known/openid-configuration."
      required
    />
    <Field
      label="Client ID"
      name="clientId"
      value={values.clientId}
      onChange={set("clientId")}
      error={errors.clientId}
      required
    />
    <Field
      label="Client secret"
      name="clientSecret"
      type="password"
      autoComplete="off"
      value={values.clientSecret}
      onChange={set("clientSecret")}
      error={errors.clientSecret}
      hint={
        keepsSecret
          ? "A secret is stored; leave blank to keep it."
          : "Stored encrypted and never shown again."
      }
      required={!keepsSecret}
    />
  </div>
);

/** SAML: stored and checked, though sign-in starts through OIDC only. */
export const SamlFields = ({ values, set, errors, saved }: FieldsProps & { saved: SsoSettings | null }) => (
  <div className="space-y-4">
    <Alert tone="info">
      Tessera checks and stores a SAML setup, but its sign-in page starts single sign-on through OIDC only:
      choose OIDC for your people to sign in through your provider today.
    </Alert>
    <div className="grid gap-4 md:grid-cols-2">
      <Field
        label="IdP entity ID"
        name="entityId"
        value={values.entityId}
        onChange={set("entityId")}
        error={errors.entityId}
        required
      />
      <Field
        label="SSO URL"
        name="ssoUrl"
        type="url"
        value={values.ssoUrl}
        onChange={set("ssoUrl")}
        error={errors.ssoUrl}
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
      error={errors.certificate}
      placeholder="-----BEGIN CERTIFICATE-----"
      required
    />
    {saved?.protocol === "SAML" && <CertificateDetails saved={saved} />}
  </div>
);

/** Turning password sign-in off for everyone of the organisation. */
export const EnforceCheckbox = ({
  checked,
  onChange,
}: {
  checked: boolean;
  onChange: (value: boolean) => void;
}) => (
  <label className="flex items-start gap-2 text-sm">
    <input
      type="checkbox"
      name="enforced"
      checked={checked}
      onChange={(event) => onChange(event.target.checked)}
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
);
