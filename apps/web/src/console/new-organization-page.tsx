import { useMutation, useQueryClient } from "@tanstack/react-query";
import { CreateOrganizationInput } from "@tessera/domain";
import { type FormEvent, useState } from "react";
import { Link, useNavigate } from "react-router";
import { Button } from "../components/button.tsx";
import { Card } from "../components/card.tsx";
import { ErrorAlert } from "../components/error-alert.tsx";
import { Field } from "../components/field.tsx";
import { contactValuesOf } from "../components/organization-fields.tsx";
import { PageHeader } from "../components/page-header.tsx";
import { useSchemaForm } from "../components/use-form.ts";
import { useTRPC } from "../trpc.ts";
import { OrganizationFields, type OrganizationValues, organizationInputOf } from "./organization-form.tsx";

export const NewOrganizationPage = () => {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const [values, setValues] = useState<OrganizationValues>({
    ...contactValuesOf(),
    name: "",
    slug: "",
    metadata: "{}",
    accountManagerId: "",
  });
  const [owner, setOwner] = useState({ name: "", email: "" });
  const form = useSchemaForm(CreateOrganizationInput);
  const create = useMutation(
    trpc.organizations.create.mutationOptions({
      onSuccess: async (organization) => {
        await queryClient.invalidateQueries({ queryKey: trpc.organizations.list.pathKey() });
        await navigate(`/console/organizations/${organization.id}`);
      },
      onError: form.showServerErrors,
    }),
  );
  const submit = (event: FormEvent) => {
    event.preventDefault();
    create.reset();
    const withOwner = owner.name.trim() || owner.email.trim();
    const { input, errors } = organizationInputOf(values);
    const parsed = form.parse({ ...input, ...(withOwner ? { owner } : {}) }, errors);
    if (parsed) create.mutate(parsed);
  };
  return (
    <>
      <PageHeader
        title="New organisation"
        description="Create a customer organisation and, optionally, invite its first owner."
      />
      <form onSubmit={submit} noValidate aria-label="New organisation" className="space-y-6">
        <Card>
          <OrganizationFields values={values} onChange={setValues} errors={form.errors} />
        </Card>
        <Card title="First owner (optional)">
          <p className="-mt-2 mb-4 text-sm text-slate-600 dark:text-slate-300">
            We'll email them an invitation: they choose their own password and become the organisation's
            OWNER.
          </p>
          <div className="grid gap-4 md:grid-cols-2">
            <Field
              label="Owner name"
              name="ownerName"
              value={owner.name}
              onChange={(name) => setOwner({ ...owner, name })}
              error={form.errors["owner.name"]}
            />
            <Field
              label="Owner email"
              name="ownerEmail"
              type="email"
              autoComplete="off"
              value={owner.email}
              onChange={(email) => setOwner({ ...owner, email })}
              error={form.errors["owner.email"]}
            />
          </div>
        </Card>
        {Object.keys(form.errors).length > 0 && !create.error ? (
          <p role="alert" className="text-sm font-medium text-red-700 dark:text-red-400">
            Some fields need attention; see the messages beside them.
          </p>
        ) : null}
        <ErrorAlert error={create.error} title="Organisation not created" />
        <div className="flex justify-end gap-2">
          <Link
            to="/console/organizations"
            className="inline-flex items-center rounded-md border border-slate-300 dark:border-slate-600 bg-white dark:bg-slate-900 px-3 py-2 text-sm font-medium text-slate-800 dark:text-slate-200 shadow-sm hover:bg-slate-50 dark:hover:bg-slate-800"
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
