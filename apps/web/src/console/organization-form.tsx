import { useQuery } from "@tanstack/react-query";
import { ContactFields, type ContactValues } from "../components/organization-fields.tsx";
import { Field, Select } from "../components/ui.tsx";
import type { FieldErrors } from "../components/use-form.ts";
import { useTRPC } from "../trpc.ts";

export interface OrganizationValues extends ContactValues {
  name: string;
  slug: string;
  metadata: string;
  accountManagerId: string;
}

/** Parse the metadata textarea; a syntax error is reported on the field like any other. */
export const parseMetadata = (text: string): unknown => {
  if (text.trim() === "") return {};
  try {
    return JSON.parse(text);
  } catch {
    return Symbol.for("invalid-json");
  }
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
  const trpc = useTRPC();
  const staff = useQuery(trpc.organizations.staffUsers.queryOptions());
  const set = (key: keyof OrganizationValues) => (value: string) => onChange({ ...values, [key]: value });
  return (
    <div className="space-y-6">
      <fieldset className="grid gap-4 md:grid-cols-3">
        <legend className="mb-2 text-sm font-semibold text-slate-700">Organisation</legend>
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
          hint="Lower-case letters, digits and dashes"
        />
        <Select
          label="Account manager"
          name="accountManagerId"
          value={values.accountManagerId}
          onChange={set("accountManagerId")}
          error={errors.accountManagerId}
          options={[
            { value: "", label: "None" },
            ...(staff.data ?? []).map((user) => ({ value: user.id, label: `${user.name} (${user.role})` })),
          ]}
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
        error={errors.metadata ?? errors.input}
        hint='Free-form, e.g. {"crmId": "NW-1001"}; at most 16 KiB'
      />
    </div>
  );
};
