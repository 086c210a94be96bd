import { useMutation } from "@tanstack/react-query";
import { AddTeamMemberInput, CUSTOMER_ROLES, type CustomerRole } from "@tessera/domain";
import { type FormEvent, useState } from "react";
import { useTRPC } from "../trpc.ts";
import { Button } from "./button.tsx";
import { Card } from "./card.tsx";
import { ErrorAlert } from "./error-alert.tsx";
import { Field } from "./field.tsx";
import { Select } from "./select.tsx";
import { useSchemaForm } from "./use-form.ts";

const EMPTY_MEMBER = { name: "", email: "", password: "", role: "MEMBER" as CustomerRole };

/** The roles the viewer may hand out: OWNER only for staff and owners. */
export const memberRoleOptions = (canGrantOwner: boolean) =>
  CUSTOMER_ROLES.filter((role) => canGrantOwner || role !== "OWNER").map((role) => ({
    value: role,
    label: role,
  }));

/** The add-member form's state and its submission: staff add to any organisation, admins to their own. */
const useAddMember = (organizationId: string | undefined, onAdded: (name: string) => Promise<unknown>) => {
  const trpc = useTRPC();
  const [values, setValues] = useState(EMPTY_MEMBER);
  const form = useSchemaForm(AddTeamMemberInput);
  const options = {
    onSuccess: async (_answer: unknown, variables: { name: string }) => {
      setValues(EMPTY_MEMBER);
      await onAdded(variables.name);
    },
    onError: form.showServerErrors,
  };
  const staffCreate = useMutation(trpc.organizations.createUser.mutationOptions(options));
  const add = useMutation(trpc.team.add.mutationOptions(options));
  const pending = staffCreate.isPending || add.isPending;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    staffCreate.reset();
    add.reset();
    const input = form.parse(values);
    if (!input) return;
    if (organizationId) staffCreate.mutate({ ...input, organizationId });
    else add.mutate(input);
  };
  return { values, setValues, form, submit, pending, error: staffCreate.error ?? add.error };
};

export const AddMember = ({
  organizationId,
  canGrantOwner,
  onAdded,
}: {
  organizationId?: string | undefined;
  canGrantOwner: boolean;
  onAdded: (name: string) => Promise<unknown>;
}) => {
  const { values, setValues, form, submit, pending, error } = useAddMember(organizationId, onAdded);
  return (
    <Card title="Add a member">
      <form onSubmit={submit} noValidate aria-label="Add a member" className="grid gap-4 md:grid-cols-4">
        <Field
          label="Name"
          name="memberName"
          value={values.name}
          onChange={(name) => setValues({ ...values, name })}
          error={form.errors.name}
          required
        />
        <Field
          label="Email"
          name="memberEmail"
          type="email"
          autoComplete="off"
          value={values.email}
          onChange={(email) => setValues({ ...values, email })}
          error={form.errors.email}
          required
        />
        <Field
          label="Initial password"
          name="memberPassword"
          type="password"
          autoComplete="new-password"
          value={values.password}
          onChange={(password) => setValues({ ...values, password })}
          error={form.errors.password}
          required
          hint="At least 10 characters; share it securely"
        />
        <Select
          label="Role"
          name="memberRole"
          value={values.role}
          onChange={(role) => setValues({ ...values, role: role as CustomerRole })}
          options={memberRoleOptions(canGrantOwner)}
          error={form.errors.role}
        />
        <div className="md:col-span-4">
          <ErrorAlert error={error} title="Member not added" />
        </div>
        <div className="flex justify-end md:col-span-4">
          <Button type="submit" busy={pending}>
            {pending ? "Saving…" : "Add member"}
          </Button>
        </div>
      </form>
    </Card>
  );
};
