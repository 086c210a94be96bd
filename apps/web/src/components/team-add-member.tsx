import { useMutation, useQueryClient } from "@tanstack/react-query";
import { CUSTOMER_ROLES, type CustomerRole, InviteMemberInput, NewCustomerUser } from "@tessera/domain";
import { type FormEvent, useState } from "react";
import { useTRPC } from "../trpc.ts";
import { Button } from "./button.tsx";
import { Card } from "./card.tsx";
import { ErrorAlert } from "./error-alert.tsx";
import { Field } from "./field.tsx";
import { Select } from "./select.tsx";
import { useSchemaForm } from "./use-form.ts";

const EMPTY_MEMBER = { name: "", email: "", password: "", role: "MEMBER" as CustomerRole };
const EMPTY_INVITE = { name: "", email: "", role: "MEMBER" as CustomerRole };

/** The roles the viewer may hand out: OWNER only for staff and owners. */
export const memberRoleOptions = (canGrantOwner: boolean) =>
  CUSTOMER_ROLES.filter((role) => canGrantOwner || role !== "OWNER").map((role) => ({
    value: role,
    label: role,
  }));

/** A customer admin invites someone into their own organisation: a mailed link, their own password. */
export const InviteMember = ({
  canGrantOwner,
  onInvited,
}: {
  canGrantOwner: boolean;
  onInvited: (email: string) => Promise<unknown>;
}) => {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [values, setValues] = useState(EMPTY_INVITE);
  const form = useSchemaForm(InviteMemberInput);
  const invite = useMutation(
    trpc.team.invite.mutationOptions({
      onSuccess: async (invitation) => {
        setValues(EMPTY_INVITE);
        await queryClient.invalidateQueries({ queryKey: trpc.team.invitations.pathKey() });
        await onInvited(invitation.email);
      },
      onError: form.showServerErrors,
    }),
  );
  const submit = (event: FormEvent) => {
    event.preventDefault();
    invite.reset();
    const input = form.parse({ ...values, name: values.name.trim() || undefined });
    if (input) invite.mutate(input);
  };
  return (
    <Card title="Invite a member">
      <form onSubmit={submit} noValidate aria-label="Invite a member" className="grid gap-4 md:grid-cols-3">
        <Field
          label="Email"
          name="inviteEmail"
          type="email"
          autoComplete="off"
          value={values.email}
          onChange={(email) => setValues({ ...values, email })}
          error={form.errors.email}
          required
        />
        <Field
          label="Name (optional)"
          name="inviteName"
          value={values.name}
          onChange={(name) => setValues({ ...values, name })}
          error={form.errors.name}
        />
        <Select
          label="Role"
          name="inviteRole"
          value={values.role}
          onChange={(role) => setValues({ ...values, role: role as CustomerRole })}
          options={memberRoleOptions(canGrantOwner)}
          error={form.errors.role}
        />
        <p className="text-sm text-slate-600 dark:text-slate-300 md:col-span-3">
          We'll email them a link to choose their own password; it works once, for 7 days.
        </p>
        <div className="md:col-span-3">
          <ErrorAlert error={invite.error} title="Not invited" />
        </div>
        <div className="flex justify-end md:col-span-3">
          <Button type="submit" busy={invite.isPending}>
            {invite.isPending ? "Sending…" : "Invite"}
          </Button>
        </div>
      </form>
    </Card>
  );
};

/** Staff add a member to an organisation from the console (with an initial password to share). */
export const AddMember = ({
  organizationId,
  onAdded,
}: {
  organizationId: string;
  onAdded: (name: string) => Promise<unknown>;
}) => {
  const trpc = useTRPC();
  const [values, setValues] = useState(EMPTY_MEMBER);
  const form = useSchemaForm(NewCustomerUser);
  const create = useMutation(
    trpc.organizations.createUser.mutationOptions({
      onSuccess: async (_answer, variables) => {
        setValues(EMPTY_MEMBER);
        await onAdded(variables.name);
      },
      onError: form.showServerErrors,
    }),
  );
  const submit = (event: FormEvent) => {
    event.preventDefault();
    create.reset();
    const input = form.parse(values);
    if (input) create.mutate({ ...input, organizationId });
  };
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
          options={memberRoleOptions(true)}
          error={form.errors.role}
        />
        <div className="md:col-span-4">
          <ErrorAlert error={create.error} title="Member not added" />
        </div>
        <div className="flex justify-end md:col-span-4">
          <Button type="submit" busy={create.isPending}>
            {create.isPending ? "Saving…" : "Add member"}
          </Button>
        </div>
      </form>
    </Card>
  );
};
