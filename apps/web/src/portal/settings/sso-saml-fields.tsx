import { useWatch } from "react-hook-form";
import { CopyButton } from "../../components/copy-button.tsx";
import { useDateFormat } from "../../components/dates/use-date-format.ts";
import { FormField } from "../../components/form-field.tsx";
import { Detail } from "../../components/organization-fields.tsx";
import { trpc } from "../../trpc.ts";
import type { FieldsProps } from "./sso-form-fields.tsx";
import { SAML_SOURCES, type SamlSource, type SsoSettings } from "./sso-values.ts";

const CertificateDetails = ({ saved }: { saved: Extract<SsoSettings, { protocol: "SAML" }> }) => {
  const dates = useDateFormat();
  return (
    <dl className="grid gap-4 rounded-md border border-line p-4 md:grid-cols-3">
      <Detail label="IdP entity ID">
        <span className="break-all">{saved.entityId}</span>
      </Detail>
      <Detail label="Certificate subject">{saved.certificateSubject}</Detail>
      <Detail label="SHA-256 fingerprint">
        <span className="break-all font-mono text-xs">{saved.certificateFingerprint256}</span>
      </Detail>
      <Detail label="Certificate expires">{dates.instant(saved.certificateExpiresAt)}</Detail>
    </dl>
  );
};

/** What to give the identity provider: our entity id, ACS URL and metadata URL. */
const ServiceProviderDetails = () => {
  const sp = trpc.whiteLabel.samlServiceProvider.useQuery();
  if (!sp.data) return null;
  const rows = [
    { label: "SP entity ID (audience)", value: sp.data.entityId, testId: "saml-sp-entity-id" },
    { label: "ACS (reply) URL", value: sp.data.acsUrl, testId: "saml-sp-acs-url" },
    { label: "SP metadata URL", value: sp.data.metadataUrl, testId: "saml-sp-metadata-url" },
  ];
  return (
    <div>
      <p className="text-sm font-medium text-fg">Give your identity provider</p>
      <dl className="mt-2 space-y-2">
        {rows.map((row) => (
          <div key={row.testId} className="flex flex-wrap items-center gap-2">
            <dt className="w-48 text-sm text-fg-muted">{row.label}</dt>
            <dd className="flex flex-wrap items-center gap-2">
              <code
                data-testid={row.testId}
                className="break-all rounded bg-surface-muted px-2 py-1 font-mono text-sm"
              >
                {row.value}
              </code>
              <CopyButton value={row.value} label={row.label} />
            </dd>
          </div>
        ))}
      </dl>
    </div>
  );
};

const SOURCE_WORDS: Record<SamlSource, string> = {
  METADATA_URL: "Metadata URL",
  METADATA_XML: "Paste metadata XML",
  MANUAL: "Enter details",
};

const IdpDetails = ({ control }: Pick<FieldsProps, "control">) => {
  const samlSource = useWatch({ control, name: "samlSource" });
  if (samlSource === "METADATA_URL") {
    return (
      <FormField
        control={control}
        label="IdP metadata URL"
        name="metadataUrl"
        type="url"
        placeholder="https://idp.example.com/metadata"
        hint="Read now, when you save: its entity ID, sign-in URL and signing certificate are stored."
        required
      />
    );
  }
  if (samlSource === "METADATA_XML") {
    return (
      <FormField
        control={control}
        label="IdP metadata XML"
        name="metadataXml"
        multiline
        placeholder="<EntityDescriptor …>"
        required
      />
    );
  }
  return (
    <div className="space-y-4">
      <div className="grid gap-4 md:grid-cols-2">
        <FormField control={control} label="IdP entity ID" name="entityId" required />
        <FormField
          control={control}
          label="IdP SSO URL"
          name="ssoUrl"
          type="url"
          placeholder="https://"
          required
        />
      </div>
      <FormField
        control={control}
        label="X.509 signing certificate (PEM)"
        name="certificate"
        multiline
        placeholder="-----BEGIN CERTIFICATE-----"
        required
      />
    </div>
  );
};

/** SAML 2.0: our side for the provider, then the provider's metadata (by URL or pasted) or details. */
export const SamlFields = ({ control, register, saved }: FieldsProps & { saved: SsoSettings | null }) => (
  <div className="space-y-4">
    <ServiceProviderDetails />
    <fieldset>
      <legend className="text-sm font-medium text-fg">Your identity provider</legend>
      <div className="mt-2 flex flex-wrap gap-6">
        {SAML_SOURCES.map((source) => (
          <label key={source} className="flex items-center gap-2 text-sm">
            <input type="radio" value={source} {...register("samlSource")} className="size-4" />
            {SOURCE_WORDS[source]}
          </label>
        ))}
      </div>
    </fieldset>
    <IdpDetails control={control} />
    {saved?.protocol === "SAML" && <CertificateDetails saved={saved} />}
  </div>
);
