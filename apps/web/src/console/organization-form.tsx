import { ROLE_LABELS } from "@tessera/domain";
import type { Control } from "react-hook-form";
import type { PathMessage } from "../components/form-errors.ts";
import { controlFor, FormField, FormSelect } from "../components/form-field.tsx";
import { ContactFields, type ContactValues, contactInputOf } from "../components/organization-fields.tsx";
import { apiProblem, trpc } from "../trpc.ts";

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
export const parseMetadata = (text: string): { value: unknown; errors: PathMessage[] } => {
  if (text.trim() === "") return { value: {}, errors: [] };
  try {
    return { value: JSON.parse(text), errors: [] };
  } catch (error) {
    const detail = error instanceof Error ? error.message : "syntax error";
    return { value: {}, errors: [{ path: "metadata", message: `is not valid JSON (${detail})` }] };
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

// biome-ignore lint/suspicious/noExplicitAny: the parsed output type does not matter to the fields
type OrganizationControl = Control<OrganizationValues, unknown, any>;

const AccountManagerSelect = ({ control }: { control: OrganizationControl }) => {
  const staff = trpc.organizations.staffUsers.useQuery();
  const loadError = apiProblem(staff.error);
  return (
    <FormSelect
      control={control}
      label="Account manager"
      name="accountManagerId"
      disabled={staff.isPending}
      hint={
        loadError
          ? `Could not load staff: ${loadError.message}`
          : staff.isPending
            ? "Loading staff…"
            : "A staff user who looks after this customer"
      }
      options={[
        { value: "", label: "None" },
        ...(staff.data ?? []).map((user) => ({
          value: user.id,
          label: `${user.name} (${ROLE_LABELS[user.role]})`,
        })),
      ]}
    />
  );
};

export const OrganizationFields = ({ control }: { control: OrganizationControl }) => (
  <div className="space-y-6">
    <fieldset className="grid gap-4 md:grid-cols-3">
      <legend className="mb-2 text-sm font-semibold text-fg">Organisation</legend>
      <FormField control={control} label="Name" name="name" required />
      <FormField
        control={control}
        label="Slug"
        name="slug"
        required
        hint="Lower-case letters, digits and dashes, e.g. acme-learning"
      />
      <AccountManagerSelect control={control} />
    </fieldset>
    <ContactFields control={controlFor<ContactValues, OrganizationValues>(control)} />
    <FormField
      control={control}
      label="Metadata (JSON object)"
      name="metadata"
      multiline
      hint='Free-form, e.g. {"crmId": "NW-1001", "segment": "higher-ed"}; at most 16 KiB'
    />
  </div>
);
