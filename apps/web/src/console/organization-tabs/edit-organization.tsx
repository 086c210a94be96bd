import type { AppRouter } from "@tessera/api";
import { UpdateOrganizationInput } from "@tessera/domain";
import { Button } from "@tessera/ui";
import type { inferRouterOutputs } from "@trpc/server";
import { ErrorAlert } from "../../components/error-alert.tsx";
import { FormError } from "../../components/form-field.tsx";
import { contactValuesOf } from "../../components/organization-fields.tsx";
import { useZodForm } from "../../components/zod-form.ts";
import { trpc } from "../../trpc.ts";
import { OrganizationFields, type OrganizationValues, organizationInputOf } from "../organization-form.tsx";

export type Organization = inferRouterOutputs<AppRouter>["organizations"]["get"];

/** The organisation's details as a form; `onDone` closes it (after saving or cancelling). */
export const EditOrganization = ({
  organization,
  onDone,
}: {
  organization: Organization;
  onDone: () => void;
}) => {
  const utils = trpc.useUtils();
  const form = useZodForm({
    schema: UpdateOrganizationInput,
    defaultValues: {
      ...contactValuesOf(organization),
      name: organization.name,
      slug: organization.slug,
      metadata: JSON.stringify(organization.metadata, null, 2),
      accountManagerId: organization.accountManagerId ?? "",
    } as OrganizationValues,
    toInput: (values) => {
      const { input, errors } = organizationInputOf(values);
      return { input: { organizationId: organization.id, ...input }, errors };
    },
  });
  const update = trpc.organizations.update.useMutation({
    onSuccess: async () => {
      await Promise.all([utils.organizations.invalidate(), utils.audit.invalidate()]);
      onDone();
    },
    onError: form.showServerErrors,
  });
  const submit = form.handleSubmit(
    (input) => update.mutate(input),
    () => update.reset(),
  );
  return (
    <form onSubmit={submit} noValidate aria-label="Edit organisation" className="space-y-4">
      <OrganizationFields control={form.control} />
      <FormError control={form.control} />
      <ErrorAlert error={update.error} title="Changes not saved" />
      <div className="flex justify-end gap-2">
        <Button variant="secondary" onClick={onDone}>
          Cancel
        </Button>
        <Button type="submit" busy={update.isPending}>
          {update.isPending ? "Saving…" : "Save changes"}
        </Button>
      </div>
    </form>
  );
};
