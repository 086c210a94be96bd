import { SSO_PROTOCOLS, type SsoProtocol } from "@tessera/domain";
import { CopyButton } from "../../components/copy-button.tsx";
import { Field } from "../../components/field.tsx";
import { Select } from "../../components/select.tsx";
import type { FieldErrors } from "../../components/use-form.ts";
import type { SsoValues } from "./sso-values.ts";

/** Where the identity provider sends people back (see the API's SSO_CALLBACK_PATH). */
const SSO_CALLBACK_PATH = "/auth/sso/callback";

export type SetValue = <Key extends keyof SsoValues>(key: Key) => (value: SsoValues[Key]) => void;
export interface FieldsProps {
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
        Everyone in your organisation but its owners must then sign in through the provider. It can be
        switched on once an owner has passed “Test connection” with the saved settings; owners keep their
        password (and MFA) as the way back in if the provider fails.
      </span>
    </span>
  </label>
);

/** Just-in-time accounts: a first SSO sign-in from a verified domain creates the person. */
export const JitFields = ({ values, set, errors }: FieldsProps) => (
  <div className="space-y-3">
    <label className="flex items-start gap-2 text-sm">
      <input
        type="checkbox"
        name="jitProvisioning"
        checked={values.jitProvisioning}
        onChange={(event) => set("jitProvisioning")(event.target.checked)}
        className="mt-0.5 size-4"
      />
      <span>
        <span className="font-medium text-slate-900 dark:text-slate-100">
          Create accounts on first sign-in (just-in-time)
        </span>
        <span className="block text-slate-600 dark:text-slate-300">
          Someone your provider vouches for, with an email on a verified domain, gets an account the first
          time they sign in. Otherwise only people already on your team may sign in.
        </span>
      </span>
    </label>
    {values.jitProvisioning && (
      <Select
        label="Role for new accounts"
        name="defaultRole"
        value={values.defaultRole}
        onChange={(role) => set("defaultRole")(role === "ADMIN" ? "ADMIN" : "MEMBER")}
        options={[
          { value: "MEMBER", label: "Member" },
          { value: "ADMIN", label: "Admin" },
        ]}
        error={errors.defaultRole}
      />
    )}
  </div>
);
