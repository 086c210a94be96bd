import { useMutation, useQueryClient } from "@tanstack/react-query";
import { CUSTOMER_ROLES, type CustomerRole, InviteMemberInput } from "@tessera/domain";
import { type FormEvent, useState } from "react";
import { useTRPC } from "../trpc.ts";
import { InviteForm } from "./invite-form.tsx";
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
    <InviteForm
      title="Invite a member"
      name="invite"
      values={values}
      onChange={setValues}
      roles={memberRoleOptions(canGrantOwner)}
      errors={form.errors}
      error={invite.error}
      busy={invite.isPending}
      onSubmit={submit}
    />
  );
};
