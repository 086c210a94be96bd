import { CreateOrganizationInput } from "@tessera/domain";
import { Button, Card } from "@tessera/ui";
import { Link, useNavigate } from "react-router";
import { ErrorAlert } from "../components/error-alert.tsx";
import { controlFor, FormError, FormField } from "../components/form-field.tsx";
import { contactValuesOf } from "../components/organization-fields.tsx";
import { PageHeader } from "../components/page-header.tsx";
import { useZodForm } from "../components/zod-form.ts";
import { trpc } from "../trpc.ts";
import { OrganizationFields, type OrganizationValues, organizationInputOf } from "./organization-form.tsx";

type NewOrganizationValues = OrganizationValues & { owner: { name: string; email: string } };

export const NewOrganizationPage = () => {
  const utils = trpc.useUtils();
  const navigate = useNavigate();
  const form = useZodForm({
    schema: CreateOrganizationInput,
    defaultValues: {
      ...contactValuesOf(),
      name: "",
      slug: "",
      metadata: "{}",
      accountManagerId: "",
      owner: { name: "", email: "" },
    } as NewOrganizationValues,
    toInput: ({ owner, ...values }) => {
      const { input, errors } = organizationInputOf(values);
      const withOwner = owner.name.trim() || owner.email.trim();
      return { input: { ...input, ...(withOwner ? { owner } : {}) }, errors };
    },
  });
  const create = trpc.organizations.create.useMutation({
    onSuccess: async (organization) => {
      await utils.organizations.list.invalidate();
      await navigate(`/console/organizations/${organization.id}`);
    },
    onError: form.showServerErrors,
  });
  const submit = form.handleSubmit(
    (input) => create.mutate(input),
    () => create.reset(),
  );
  return (
    <>
      <PageHeader
        title="New organisation"
        description="Create a customer organisation and, optionally, invite its first owner."
      />
      <form onSubmit={submit} noValidate aria-label="New organisation" className="space-y-6">
        <Card>
          <OrganizationFields control={controlFor<OrganizationValues, NewOrganizationValues>(form.control)} />
        </Card>
        <Card title="First owner (optional)">
          <p className="-mt-2 mb-4 text-sm text-fg-muted">
            We'll email them an invitation: they choose their own password and become the organisation's
            OWNER.
          </p>
          <div className="grid gap-4 md:grid-cols-2">
            <FormField control={form.control} label="Owner name" name="owner.name" htmlName="ownerName" />
            <FormField
              control={form.control}
              label="Owner email"
              name="owner.email"
              htmlName="ownerEmail"
              type="email"
              autoComplete="off"
            />
          </div>
        </Card>
        {Object.keys(form.errors).length > 0 && !create.error ? (
          <p role="alert" className="text-sm font-medium text-red-700 dark:text-red-400">
            Some fields need attention; see the messages beside them.
          </p>
        ) : null}
        <FormError control={form.control} />
        <ErrorAlert error={create.error} title="Organisation not created" />
        <div className="flex justify-end gap-2">
          <Link
            to="/console/organizations"
            className="inline-flex items-center rounded-md border border-line-strong bg-surface px-3 py-2 text-sm font-medium text-fg shadow-sm hover:bg-surface-muted"
          >
            Cancel
          </Link>
          <Button type="submit" busy={create.isPending}>
            {create.isPending ? "Saving…" : "Create organisation"}
          </Button>
        </div>
      </form>
    </>
  );
};
