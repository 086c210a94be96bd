import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { CreateLicenseInput, TIERS, type Tier } from "@tessera/domain";
import { type FormEvent, useState } from "react";
import { Button } from "../components/button.tsx";
import { ErrorAlert } from "../components/error-alert.tsx";
import { Field } from "../components/field.tsx";
import { Select } from "../components/select.tsx";
import { type FieldErrors, useSchemaForm } from "../components/use-form.ts";
import { useTRPC } from "../trpc.ts";

const METRIC_LABELS = {
  ACTIVE_USERS: "Active users",
  COURSES: "Courses",
  API_CALLS: "API calls / month",
  STORAGE_BYTES: "Storage (bytes)",
} as const;

const initialValues = (organizationId: string) => ({
  organizationId,
  tier: "STARTER" as Tier,
  termMonths: "12",
  tokenTtlDays: "30",
  autoRenew: false,
  limits: { ACTIVE_USERS: "", COURSES: "", API_CALLS: "", STORAGE_BYTES: "" },
  features: "",
});
type LicenseValues = ReturnType<typeof initialValues>;

/** The form's state, checked with the API's schema before it is sent; the key comes back once. */
const useCreateLicense = (organizationId: string, onCreated: (key: string, id: string) => void) => {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [orgSearch, setOrgSearch] = useState("");
  const organizations = useQuery(
    trpc.organizations.list.queryOptions({ pageSize: 50, ...(orgSearch ? { search: orgSearch } : {}) }),
  );
  const [values, setValues] = useState(() => initialValues(organizationId));
  const form = useSchemaForm(CreateLicenseInput);
  const create = useMutation(
    trpc.licenses.create.mutationOptions({
      onSuccess: async ({ key, license }) => {
        await queryClient.invalidateQueries({ queryKey: trpc.licenses.pathKey() });
        onCreated(key, license.id);
      },
      onError: form.showServerErrors,
    }),
  );
  const limit = (text: string) => (text.trim() === "" ? null : Number(text));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const custom = values.tier === "CUSTOM";
    const input = form.parse({
      organizationId: values.organizationId,
      tier: values.tier,
      termMonths: Number(values.termMonths),
      tokenTtlDays: Number(values.tokenTtlDays),
      autoRenew: values.autoRenew,
      ...(custom
        ? {
            customLimits: Object.fromEntries(
              Object.entries(values.limits).map(([metric, text]) => [metric, limit(text)]),
            ),
            customFeatures: values.features
              .split(",")
              .map((feature) => feature.trim().toUpperCase())
              .filter(Boolean),
          }
        : {}),
    });
    if (input) create.mutate(input);
  };
  return { orgSearch, setOrgSearch, organizations, values, setValues, form, create, submit };
};

/** A CUSTOM license's own limits and features. */
const CustomTermsFieldset = ({
  values,
  setValues,
  errors,
}: {
  values: LicenseValues;
  setValues: (values: LicenseValues) => void;
  errors: FieldErrors;
}) => (
  <fieldset className="grid gap-4 md:grid-cols-4">
    <legend className="mb-2 text-sm font-semibold text-slate-700 dark:text-slate-300">
      Custom limits (empty: unlimited)
    </legend>
    {(Object.keys(METRIC_LABELS) as (keyof typeof METRIC_LABELS)[]).map((metric) => (
      <Field
        key={metric}
        label={METRIC_LABELS[metric]}
        name={metric}
        type="number"
        value={values.limits[metric]}
        onChange={(text) => setValues({ ...values, limits: { ...values.limits, [metric]: text } })}
        error={errors[`customLimits.${metric}`] ?? errors.customLimits}
      />
    ))}
    <div className="md:col-span-4">
      <Field
        label="Features (comma-separated)"
        name="features"
        value={values.features}
        onChange={(features) => setValues({ ...values, features })}
        error={errors.customFeatures}
        hint="BRANDING, CUSTOM_DOMAIN, SSO, API_ACCESS, FEATURE_TOGGLES, INTEGRATIONS, PRIORITY_SUPPORT, DEDICATED_SUPPORT"
      />
    </div>
  </fieldset>
);

/** Staff create a license for an organisation (chosen here, or passed in from its page). */
export const CreateLicense = ({
  organizationId,
  onCreated,
}: {
  organizationId: string;
  onCreated: (key: string, id: string) => void;
}) => {
  const { orgSearch, setOrgSearch, organizations, values, setValues, form, create, submit } =
    useCreateLicense(organizationId, onCreated);
  return (
    <form onSubmit={submit} noValidate className="space-y-4">
      <div className="grid gap-4 md:grid-cols-4">
        <Field
          label="Find organisation"
          name="orgSearch"
          value={orgSearch}
          onChange={setOrgSearch}
          placeholder="Name or slug"
        />
        <Select
          label="Organisation"
          name="organizationId"
          value={values.organizationId}
          onChange={(value) => setValues({ ...values, organizationId: value })}
          error={form.errors.organizationId}
          options={[
            { value: "", label: "Choose…" },
            ...(organizations.data?.items ?? []).map((org) => ({ value: org.id, label: org.name })),
          ]}
        />
        <Select
          label="Tier"
          name="tier"
          value={values.tier}
          onChange={(tier) => setValues({ ...values, tier: tier as Tier })}
          error={form.errors.tier}
          options={TIERS.map((tier) => ({ value: tier, label: tier }))}
        />
        <Field
          label="Term (months)"
          name="termMonths"
          type="number"
          value={values.termMonths}
          onChange={(termMonths) => setValues({ ...values, termMonths })}
          error={form.errors.termMonths}
        />
        <Field
          label="Offline token lifetime (days)"
          name="tokenTtlDays"
          type="number"
          value={values.tokenTtlDays}
          onChange={(tokenTtlDays) => setValues({ ...values, tokenTtlDays })}
          error={form.errors.tokenTtlDays}
        />
      </div>
      <label className="flex items-center gap-2 text-sm">
        <input
          type="checkbox"
          checked={values.autoRenew}
          onChange={(event) => setValues({ ...values, autoRenew: event.target.checked })}
        />
        Renew automatically at expiry (invoiced)
      </label>
      {values.tier === "CUSTOM" && (
        <CustomTermsFieldset values={values} setValues={setValues} errors={form.errors} />
      )}
      <ErrorAlert error={create.error} />
      <div className="flex justify-end">
        <Button type="submit" busy={create.isPending}>
          {create.isPending ? "Creating…" : "Create license"}
        </Button>
      </div>
    </form>
  );
};
