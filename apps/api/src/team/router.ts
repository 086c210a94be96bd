import {
  ChangeMemberRoleInput,
  InvitationId,
  InviteMemberInput,
  SetMemberDisabledInput,
  TeamPageInput,
} from "@tessera/domain";
import type { TRPCRouterRecord } from "@trpc/server";
import { serviceContext } from "../context.ts";
import { customer } from "../trpc.ts";
import { customerScope } from "./invitation-store.ts";
import { inviteMember, listInvitations, resendInvitation, revokeInvitation } from "./invitations.ts";
import { listMembers, updateMember } from "./service.ts";

/** A customer's own team; the organisation always comes from the session. */
export const teamRouter = {
  list: customer()
    .input(TeamPageInput)
    .query(({ ctx, input }) => listMembers(serviceContext(ctx), ctx.organizationId, input)),
  /** People join by invitation only: they choose their own password from the mailed link. */
  invite: customer("OWNER", "ADMIN")
    .input(InviteMemberInput)
    .mutation(({ ctx, input }) => inviteMember(serviceContext(ctx), ctx.organizationId, input)),
  invitations: customer("OWNER", "ADMIN").query(({ ctx }) =>
    listInvitations(serviceContext(ctx), customerScope(ctx.organizationId)),
  ),
  resendInvitation: customer("OWNER", "ADMIN")
    .input(InvitationId)
    .mutation(({ ctx, input }) =>
      resendInvitation(serviceContext(ctx), customerScope(ctx.organizationId), input.invitationId),
    ),
  revokeInvitation: customer("OWNER", "ADMIN")
    .input(InvitationId)
    .mutation(({ ctx, input }) =>
      revokeInvitation(serviceContext(ctx), customerScope(ctx.organizationId), input.invitationId),
    ),
  changeRole: customer("OWNER", "ADMIN")
    .input(ChangeMemberRoleInput)
    .mutation(({ ctx, input }) => updateMember(serviceContext(ctx), ctx.organizationId, input)),
  setDisabled: customer("OWNER", "ADMIN")
    .input(SetMemberDisabledInput)
    .mutation(({ ctx, input }) => updateMember(serviceContext(ctx), ctx.organizationId, input)),
} satisfies TRPCRouterRecord;
