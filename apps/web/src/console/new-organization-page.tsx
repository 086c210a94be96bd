import { useMutation, useQueryClient } from "@tanstack/react-query";
import { CreateOrganizationInput } from "@tessera/domain";
import { type FormEvent, useState } from "react";
import { useNavigate } from "react-router";
import { contactInputOf, contactValuesOf } from "../components/organization-fields.tsx";
import { Button, Card, ErrorAlert, Field, PageHeader } from "../components/ui.tsx";
import { useSchemaForm } from "../components/use-form.ts";
import { useTRPC } from "../trpc.ts";
import { OrganizationFields, type OrganizationValues, parseMetadata } from "./organization-form.tsx";

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
  const [owner, setOwner] = useState({ name: "", email: "", password: "" });
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
    const withOwner = owner.name || owner.email || owner.password;
    const input = form.parse({
      name: values.name,
      slug: values.slug,
      ...contactInputOf(values),
      metadata: parseMetadata(values.metadata),
      accountManagerId: values.accountManagerId || null,
      ...(withOwner ? { owner } : {}),
    });
    if (input) create.mutate(input);
  };
  return (
    <>
      <PageHeader
        title="New organisation"
        description="Create a customer organisation and, optionally, its first owner."
      />
      <form onSubmit={submit} noValidate className="space-y-6">
        <Card>
          <OrganizationFields values={values} onChange={setValues} errors={form.errors} />
        </Card>
        <Card title="First owner (optional)">
          <div className="grid gap-4 md:grid-cols-3">
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
              value={owner.email}
              onChange={(email) => setOwner({ ...owner, email })}
              error={form.errors["owner.email"]}
            />
            <Field
              label="Initial password"
              name="ownerPassword"
              type="password"
              autoComplete="new-password"
              value={owner.password}
              onChange={(password) => setOwner({ ...owner, password })}
              error={form.errors["owner.password"]}
              hint="At least 10 characters; share it securely"
            />
          </div>
        </Card>
        <ErrorAlert error={create.error} />
        <div className="flex justify-end gap-2">
          <Button variant="secondary" onClick={() => navigate("/console")}>
            Cancel
          </Button>
          <Button type="submit" busy={create.isPending}>
            {create.isPending ? "Creating…" : "Create organisation"}
          </Button>
        </div>
      </form>
    </>
  );
};
