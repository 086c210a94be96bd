import {
  AddTeamMemberInput,
  ChangeMemberRoleInput,
  SetMemberDisabledInput,
  TeamPageInput,
} from "@tessera/domain";
import type { TRPCRouterRecord } from "@trpc/server";
import { serviceContext } from "../context.ts";
import { customer } from "../trpc.ts";
import { listMembers, requestMember, updateMember } from "./service.ts";

/** A customer's own team; the organisation always comes from the session. */
export const teamRouter = {
  list: customer()
    .input(TeamPageInput)
    .query(({ ctx, input }) => listMembers(serviceContext(ctx), ctx.organizationId, input)),
  add: customer("OWNER", "ADMIN")
    .input(AddTeamMemberInput)
    .mutation(({ ctx, input }) => requestMember(serviceContext(ctx), ctx.organizationId, input)),
  changeRole: customer("OWNER", "ADMIN")
    .input(ChangeMemberRoleInput)
    .mutation(({ ctx, input }) => updateMember(serviceContext(ctx), ctx.organizationId, input)),
  setDisabled: customer("OWNER", "ADMIN")
    .input(SetMemberDisabledInput)
    .mutation(({ ctx, input }) => updateMember(serviceContext(ctx), ctx.organizationId, input)),
} satisfies TRPCRouterRecord;
