import { useQuery } from "@tanstack/react-query";
import { CopyButton } from "../../components/copy-button.tsx";
import { Field } from "../../components/field.tsx";
import { formatDate } from "../../components/format-date.ts";
import { Detail } from "../../components/organization-fields.tsx";
import { useTRPC } from "../../trpc.ts";
import type { FieldsProps } from "./sso-form-fields.tsx";
import { SAML_SOURCES, type SamlSource, type SsoSettings } from "./sso-values.ts";

const CertificateDetails = ({ saved }: { saved: Extract<SsoSettings, { protocol: "SAML" }> }) => (
  <dl className="grid gap-4 rounded-md border border-slate-200 dark:border-slate-700 p-4 md:grid-cols-3">
    <Detail label="IdP entity ID">
      <span className="break-all">{saved.entityId}</span>
    </Detail>
    <Detail label="Certificate subject">{saved.certificateSubject}</Detail>
    <Detail label="SHA-256 fingerprint">
      <span className="break-all font-mono text-xs">{saved.certificateFingerprint256}</span>
    </Detail>
    <Detail label="Certificate expires">{formatDate(saved.certificateExpiresAt)}</Detail>
  </dl>
);

/** What to give the identity provider: our entity id, ACS URL and metadata URL. */
const ServiceProviderDetails = () => {
  const trpc = useTRPC();
  const sp = useQuery(trpc.whiteLabel.samlServiceProvider.queryOptions());
  if (!sp.data) return null;
  const rows = [
    { label: "SP entity ID (audience)", value: sp.data.entityId, testId: "saml-sp-entity-id" },
    { label: "ACS (reply) URL", value: sp.data.acsUrl, testId: "saml-sp-acs-url" },
    { label: "SP metadata URL", value: sp.data.metadataUrl, testId: "saml-sp-metadata-url" },
  ];
  return (
    <div>
      <p className="text-sm font-medium text-slate-800 dark:text-slate-200">Give your identity provider</p>
      <dl className="mt-2 space-y-2">
        {rows.map((row) => (
          <div key={row.testId} className="flex flex-wrap items-center gap-2">
            <dt className="w-48 text-sm text-slate-600 dark:text-slate-300">{row.label}</dt>
            <dd className="flex flex-wrap items-center gap-2">
              <code
                data-testid={row.testId}
                className="break-all rounded bg-slate-100 dark:bg-slate-800 px-2 py-1 font-mono text-sm"
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

const IdpDetails = ({ values, set, errors }: FieldsProps) => {
  if (values.samlSource === "METADATA_URL") {
    return (
      <Field
        label="IdP metadata URL"
        name="metadataUrl"
        type="url"
        value={values.metadataUrl}
        onChange={set("metadataUrl")}
        error={errors.metadataUrl}
        placeholder="https://idp.example.com/metadata"
        hint="Read now, when you save: its entity ID, sign-in URL and signing certificate are stored."
        required
      />
    );
  }
  if (values.samlSource === "METADATA_XML") {
    return (
      <Field
        label="IdP metadata XML"
        name="metadataXml"
        multiline
        value={values.metadataXml}
        onChange={set("metadataXml")}
        error={errors.metadataXml}
        placeholder="<EntityDescriptor …>"
        required
      />
    );
  }
  return (
    <div className="space-y-4">
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
          label="IdP SSO URL"
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
    </div>
  );
};

/** SAML 2.0: our side for the provider, then the provider's metadata (by URL or pasted) or details. */
export const SamlFields = ({ values, set, errors, saved }: FieldsProps & { saved: SsoSettings | null }) => (
  <div className="space-y-4">
    <ServiceProviderDetails />
    <fieldset>
      <legend className="text-sm font-medium text-slate-800 dark:text-slate-200">
        Your identity provider
      </legend>
      <div className="mt-2 flex flex-wrap gap-6">
        {SAML_SOURCES.map((source) => (
          <label key={source} className="flex items-center gap-2 text-sm">
            <input
              type="radio"
              name="samlSource"
              value={source}
              checked={values.samlSource === source}
              onChange={() => set("samlSource")(source)}
              className="size-4"
            />
            {SOURCE_WORDS[source]}
          </label>
        ))}
      </div>
    </fieldset>
    <IdpDetails values={values} set={set} errors={errors} />
    {saved?.protocol === "SAML" && <CertificateDetails saved={saved} />}
  </div>
);
