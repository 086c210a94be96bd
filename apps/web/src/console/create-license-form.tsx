import { CreateLicenseInput, TIER_LABELS, TIERS, type Tier } from "@tessera/domain";
import { Button } from "@tessera/ui";
import { useState } from "react";
import type { Control } from "react-hook-form";
import { ErrorAlert } from "../components/error-alert.tsx";
import { Field } from "../components/field.tsx";
import { FormError, FormField, FormSelect } from "../components/form-field.tsx";
import { useZodForm } from "../components/zod-form.ts";
import { trpc } from "../trpc.ts";

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
  customLimits: { ACTIVE_USERS: "", COURSES: "", API_CALLS: "", STORAGE_BYTES: "" },
  features: "",
});
type LicenseValues = ReturnType<typeof initialValues>;

const limitOf = (text: string) => (text.trim() === "" ? null : Number(text));

/** The form's text → the API's input; limits and features only for a CUSTOM tier. */
const licenseInputOf = (values: LicenseValues) => ({
  organizationId: values.organizationId,
  tier: values.tier,
  termMonths: Number(values.termMonths),
  tokenTtlDays: Number(values.tokenTtlDays),
  autoRenew: values.autoRenew,
  ...(values.tier === "CUSTOM"
    ? {
        customLimits: Object.fromEntries(
          Object.entries(values.customLimits).map(([metric, text]) => [metric, limitOf(text)]),
        ),
        customFeatures: values.features
          .split(",")
          .map((feature) => feature.trim().toUpperCase())
          .filter(Boolean),
      }
    : {}),
});

/** The form's state, checked with the API's schema before it is sent; the key comes back once. */
const useCreateLicense = (organizationId: string, onCreated: (key: string, id: string) => void) => {
  const utils = trpc.useUtils();
  const [orgSearch, setOrgSearch] = useState("");
  const organizations = trpc.organizations.list.useQuery({
    pageSize: 50,
    ...(orgSearch ? { search: orgSearch } : {}),
  });
  const form = useZodForm({
    schema: CreateLicenseInput,
    defaultValues: initialValues(organizationId),
    toInput: (values) => ({ input: licenseInputOf(values) }),
    // A message about the limits as a whole shows on the first of them.
    aliases: { customFeatures: "features", customLimits: "customLimits.ACTIVE_USERS" },
  });
  const create = trpc.licenses.create.useMutation({
    onSuccess: async ({ key, license }) => {
      await utils.licenses.invalidate();
      onCreated(key, license.id);
    },
    onError: form.showServerErrors,
  });
  const submit = form.handleSubmit((input) => create.mutate(input));
  return { orgSearch, setOrgSearch, organizations, form, create, submit };
};

/** A CUSTOM license's own limits and features. */
// biome-ignore lint/suspicious/noExplicitAny: the parsed output type does not matter to the fields
const CustomTermsFieldset = ({ control }: { control: Control<LicenseValues, unknown, any> }) => (
  <fieldset className="grid gap-4 md:grid-cols-4">
    <legend className="mb-2 text-sm font-semibold text-fg-muted">Custom limits (empty: unlimited)</legend>
    {(Object.keys(METRIC_LABELS) as (keyof typeof METRIC_LABELS)[]).map((metric) => (
      <FormField
        key={metric}
        control={control}
        label={METRIC_LABELS[metric]}
        name={`customLimits.${metric}`}
        htmlName={metric}
        type="number"
      />
    ))}
    <div className="md:col-span-4">
      <FormField
        control={control}
        label="Features (comma-separated)"
        name="features"
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
  const { orgSearch, setOrgSearch, organizations, form, create, submit } = useCreateLicense(
    organizationId,
    onCreated,
  );
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
        <FormSelect
          control={form.control}
          label="Organisation"
          name="organizationId"
          options={[
            { value: "", label: "Choose…" },
            ...(organizations.data?.items ?? []).map((org) => ({ value: org.id, label: org.name })),
          ]}
        />
        <FormSelect
          control={form.control}
          label="Tier"
          name="tier"
          options={TIERS.map((tier) => ({ value: tier, label: TIER_LABELS[tier] }))}
        />
        <FormField control={form.control} label="Term (months)" name="termMonths" type="number" />
        <FormField
          control={form.control}
          label="Offline token lifetime (days)"
          name="tokenTtlDays"
          type="number"
        />
      </div>
      <label className="flex items-center gap-2 text-sm">
        <input type="checkbox" {...form.register("autoRenew")} />
        Renew automatically at expiry (invoiced)
      </label>
      {form.watch("tier") === "CUSTOM" && <CustomTermsFieldset control={form.control} />}
      <FormError control={form.control} />
      <ErrorAlert error={create.error} />
      <div className="flex justify-end">
        <Button type="submit" busy={create.isPending}>
          {create.isPending ? "Creating…" : "Create license"}
        </Button>
      </div>
    </form>
  );
};
