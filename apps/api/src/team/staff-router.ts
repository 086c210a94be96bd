import { InvitationId, InviteStaffInput } from "@tessera/domain";
import type { TRPCRouterRecord } from "@trpc/server";
import { serviceContext } from "../context.ts";
import { staff } from "../trpc.ts";
import { staffScope } from "./invitation-store.ts";
import {
  inviteStaff,
  listInvitations,
  listStaffTeam,
  resendInvitation,
  revokeInvitation,
} from "./invitations.ts";

/** Tessera's own staff: staff admins invite colleagues (staff are never created with a typed password). */
export const staffTeamRouter = {
  list: staff("ADMIN").query(({ ctx }) => listStaffTeam(serviceContext(ctx))),
  invitations: staff("ADMIN").query(({ ctx }) => listInvitations(serviceContext(ctx), staffScope)),
  invite: staff("ADMIN")
    .input(InviteStaffInput)
    .mutation(({ ctx, input }) => inviteStaff(serviceContext(ctx), input)),
  resendInvitation: staff("ADMIN")
    .input(InvitationId)
    .mutation(({ ctx, input }) => resendInvitation(serviceContext(ctx), staffScope, input.invitationId)),
  revokeInvitation: staff("ADMIN")
    .input(InvitationId)
    .mutation(({ ctx, input }) => revokeInvitation(serviceContext(ctx), staffScope, input.invitationId)),
} satisfies TRPCRouterRecord;
