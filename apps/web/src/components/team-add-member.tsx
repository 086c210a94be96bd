import { useMutation, useQueryClient } from "@tanstack/react-query";
import { CUSTOMER_ROLES, type CustomerRole, InviteMemberInput } from "@tessera/domain";
import { type FormEvent, useState } from "react";
import { useTRPC } from "../trpc.ts";
import { Button } from "./button.tsx";
import { Card } from "./card.tsx";
import { ErrorAlert } from "./error-alert.tsx";
import { Field } from "./field.tsx";
import { Select } from "./select.tsx";
import { useSchemaForm } from "./use-form.ts";

const EMPTY_INVITE = { name: "", email: "", role: "MEMBER" as CustomerRole };

/** The roles the viewer may hand out: OWNER only for staff and owners. */
export const memberRoleOptions = (canGrantOwner: boolean) =>
  CUSTOMER_ROLES.filter((role) => canGrantOwner || role !== "OWNER").map((role) => ({
    value: role,
    label: role,
  }));

/**
 * Invite someone: a customer admin into their own organisation, or staff into the one named by
 * `organizationId`. Either way a mailed link, and the invitee chooses their own password.
 */
export const InviteMember = ({
  canGrantOwner,
  organizationId,
  onInvited,
}: {
  canGrantOwner: boolean;
  organizationId?: string;
  onInvited: (email: string) => Promise<unknown>;
}) => {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [values, setValues] = useState(EMPTY_INVITE);
  const form = useSchemaForm(InviteMemberInput);
  const answered = {
    onSuccess: async (invitation: { email: string }) => {
      setValues(EMPTY_INVITE);
      await queryClient.invalidateQueries({ queryKey: trpc.team.invitations.pathKey() });
      await onInvited(invitation.email);
    },
    onError: form.showServerErrors,
  };
  const ownTeam = useMutation(trpc.team.invite.mutationOptions(answered));
  const byStaff = useMutation(trpc.organizations.inviteUser.mutationOptions(answered));
  const invite = organizationId ? byStaff : ownTeam;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    invite.reset();
    const input = form.parse({ ...values, name: values.name.trim() || undefined });
    if (!input) return;
    if (organizationId) byStaff.mutate({ ...input, organizationId });
    else ownTeam.mutate(input);
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
