import { CUSTOMER_ROLES, type CustomerRole, InviteMemberInput, ROLE_LABELS } from "@tessera/domain";
import { trpc } from "../trpc.ts";
import { controlFor } from "./form-field.tsx";
import { InviteForm, type InviteValues, useInviteForm } from "./invite-form.tsx";

/** The roles the viewer may hand out: OWNER only for staff and owners. */
export const memberRoleOptions = (canGrantOwner: boolean) =>
  CUSTOMER_ROLES.filter((role) => canGrantOwner || role !== "OWNER").map((role) => ({
    value: role,
    label: ROLE_LABELS[role],
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
  const utils = trpc.useUtils();
  const form = useInviteForm(InviteMemberInput, "MEMBER" as CustomerRole);
  const answered = {
    onSuccess: async (invitation: { email: string }) => {
      form.reset();
      await utils.team.invitations.invalidate();
      await onInvited(invitation.email);
    },
    onError: form.showServerErrors,
  };
  const ownTeam = trpc.team.invite.useMutation(answered);
  const byStaff = trpc.organizations.inviteUser.useMutation(answered);
  const invite = organizationId ? byStaff : ownTeam;
  const submit = form.handleSubmit(
    (input) => {
      if (organizationId) byStaff.mutate({ ...input, organizationId });
      else ownTeam.mutate(input);
    },
    () => invite.reset(),
  );
  return (
    <InviteForm
      title="Invite a member"
      name="invite"
      control={controlFor<InviteValues<string>, InviteValues<CustomerRole>>(form.control)}
      roles={memberRoleOptions(canGrantOwner)}
      error={invite.error}
      busy={invite.isPending}
      onSubmit={submit}
    />
  );
};
