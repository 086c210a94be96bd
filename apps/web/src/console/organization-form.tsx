import { useQuery } from "@tanstack/react-query";
import { Field } from "../components/field.tsx";
import { ContactFields, type ContactValues, contactInputOf } from "../components/organization-fields.tsx";
import { Select } from "../components/select.tsx";
import { errorsUnder, type FieldErrors } from "../components/use-form.ts";
import { apiProblem, useTRPC } from "../trpc.ts";

export interface OrganizationValues extends ContactValues {
  name: string;
  slug: string;
  metadata: string;
  accountManagerId: string;
}

/**
 * The metadata textarea as a value for the schema; a JSON syntax error becomes a message on
 * the field (the schema then judges the shape: an object, at most 16 KiB …).
 */
export const parseMetadata = (text: string): { value: unknown; errors: FieldErrors } => {
  if (text.trim() === "") return { value: {}, errors: {} };
  try {
    return { value: JSON.parse(text), errors: {} };
  } catch (error) {
    const detail = error instanceof Error ? error.message : "syntax error";
    return { value: {}, errors: { metadata: [`is not valid JSON (${detail})`] } };
  }
};

/** Form values → the input the API takes (create and update share every field but the id). */
export const organizationInputOf = (values: OrganizationValues) => {
  const metadata = parseMetadata(values.metadata);
  return {
    input: {
      name: values.name,
      slug: values.slug,
      ...contactInputOf(values),
      metadata: metadata.value,
      accountManagerId: values.accountManagerId || null,
    },
    errors: metadata.errors,
  };
};

const AccountManagerSelect = ({
  value,
  onChange,
  error,
}: {
  value: string;
  onChange: (value: string) => void;
  error: string[] | undefined;
}) => {
  const trpc = useTRPC();
  const staff = useQuery(trpc.organizations.staffUsers.queryOptions());
  const loadError = apiProblem(staff.error);
  return (
    <Select
      label="Account manager"
      name="accountManagerId"
      value={value}
      onChange={onChange}
      disabled={staff.isPending}
      error={error ?? (loadError ? [`Could not load staff: ${loadError.message}`] : undefined)}
      hint={staff.isPending ? "Loading staff…" : "A staff user who looks after this customer"}
      options={[
        { value: "", label: "None" },
        ...(staff.data ?? []).map((user) => ({ value: user.id, label: `${user.name} (${user.role})` })),
      ]}
    />
  );
};

export const OrganizationFields = ({
  values,
  onChange,
  errors,
}: {
  values: OrganizationValues;
  onChange: (values: OrganizationValues) => void;
  errors: FieldErrors;
}) => {
  const set = (key: keyof OrganizationValues) => (value: string) => onChange({ ...values, [key]: value });
  return (
    <div className="space-y-6">
      <fieldset className="grid gap-4 md:grid-cols-3">
        <legend className="mb-2 text-sm font-semibold text-slate-900 dark:text-slate-100">
          Organisation
        </legend>
        <Field
          label="Name"
          name="name"
          value={values.name}
          onChange={set("name")}
          error={errors.name}
          required
        />
        <Field
          label="Slug"
          name="slug"
          value={values.slug}
          onChange={set("slug")}
          error={errors.slug}
          required
          hint="Lower-case letters, digits and dashes, e.g. acme-learning"
        />
        <AccountManagerSelect
          value={values.accountManagerId}
          onChange={set("accountManagerId")}
          error={errors.accountManagerId}
        />
      </fieldset>
      <ContactFields
        values={values}
        onChange={(contact) => onChange({ ...values, ...contact })}
        errors={errors}
      />
      <Field
        label="Metadata (JSON object)"
        name="metadata"
        multiline
        value={values.metadata}
        onChange={set("metadata")}
        error={errorsUnder(errors, "metadata")}
        hint='Free-form, e.g. {"crmId": "NW-1001", "segment": "higher-ed"}; at most 16 KiB'
      />
    </div>
  );
};
