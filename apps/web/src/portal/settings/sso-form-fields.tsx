import { SSO_PROTOCOLS } from "@tessera/domain";
import { type Control, type UseFormRegister, useWatch } from "react-hook-form";
import { CopyButton } from "../../components/copy-button.tsx";
import { FormField, FormSelect } from "../../components/form-field.tsx";
import type { SsoValues } from "./sso-values.ts";

/** Where the identity provider sends people back (see the API's SSO_CALLBACK_PATH). */
const SSO_CALLBACK_PATH = "/auth/sso/callback";

export interface FieldsProps {
  // biome-ignore lint/suspicious/noExplicitAny: the parsed output type does not matter to the fields
  control: Control<SsoValues, unknown, any>;
  register: UseFormRegister<SsoValues>;
}

/** The redirect URL to register at the provider: this site's, and the verified custom domain's. */
export const CallbackUrls = ({ customDomain }: { customDomain: string | null }) => {
  const urls = [`${window.location.origin}${SSO_CALLBACK_PATH}`];
  const onDomain = customDomain ? `https://${customDomain}${SSO_CALLBACK_PATH}` : null;
  if (onDomain && onDomain !== urls[0]) urls.push(onDomain);
  return (
    <div>
      <p className="text-sm font-medium text-fg">Redirect (callback) URL to register at your provider</p>
      <ul className="mt-2 space-y-2">
        {urls.map((url) => (
          <li key={url} className="flex flex-wrap items-center gap-2">
            <code
              data-testid="sso-callback-url"
              className="break-all rounded bg-surface-muted px-2 py-1 font-mono text-sm"
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

export const ProtocolChoice = ({ register }: Pick<FieldsProps, "register">) => (
  <fieldset>
    <legend className="text-sm font-medium text-fg">Protocol</legend>
    <div className="mt-2 flex gap-6">
      {SSO_PROTOCOLS.map((protocol) => (
        <label key={protocol} className="flex items-center gap-2 text-sm">
          <input type="radio" value={protocol} {...register("protocol")} className="size-4" />
          {protocol === "OIDC" ? "OpenID Connect (OIDC)" : "SAML 2.0"}
        </label>
      ))}
    </div>
  </fieldset>
);

/** OpenID Connect: issuer (discovered), client id and secret (kept when left blank). */
export const OidcFields = ({
  control,
  keepsSecret,
}: Pick<FieldsProps, "control"> & { keepsSecret: boolean }) => (
  <div className="grid gap-4 md:grid-cols-2">
    <FormField
      control={control}
      label="Issuer URL"
      name="issuer"
      type="url"
      placeholder="https://login.example.com"
      hint="Its discovery document is read from /.well-known/openid-configuration."
      required
    />
    <FormField control={control} label="Client ID" name="clientId" required />
    <FormField
      control={control}
      label="Client secret"
      name="clientSecret"
      type="password"
      autoComplete="off"
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
export const EnforceCheckbox = ({ register }: Pick<FieldsProps, "register">) => (
  <label className="flex items-start gap-2 text-sm">
    <input type="checkbox" {...register("enforced")} className="mt-0.5 size-4" />
    <span>
      <span className="font-medium text-fg">Enforce SSO (turn off password sign-in)</span>
      <span className="block text-fg-muted">
        Everyone in your organisation but its owners must then sign in through the provider. It can be
        switched on once an owner has passed “Test connection” with the saved settings; owners keep their
        password (and MFA) as the way back in if the provider fails.
      </span>
    </span>
  </label>
);

/** Just-in-time accounts: a first SSO sign-in from a verified domain creates the person. */
export const JitFields = ({ control, register }: FieldsProps) => (
  <div className="space-y-3">
    <label className="flex items-start gap-2 text-sm">
      <input type="checkbox" {...register("jitProvisioning")} className="mt-0.5 size-4" />
      <span>
        <span className="font-medium text-fg">Create accounts on first sign-in (just-in-time)</span>
        <span className="block text-fg-muted">
          Someone your provider vouches for, with an email on a verified domain, gets an account the first
          time they sign in. Otherwise only people already on your team may sign in.
        </span>
      </span>
    </label>
    {useWatch({ control, name: "jitProvisioning" }) && (
      <FormSelect
        control={control}
        label="Role for new accounts"
        name="defaultRole"
        options={[
          { value: "MEMBER", label: "Member" },
          { value: "ADMIN", label: "Admin" },
        ]}
      />
    )}
  </div>
);
