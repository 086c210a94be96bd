import { CUSTOMER_ADMIN_ROLES, RevokeUserSessionsInput, SessionId } from "@tessera/domain";
import type { TRPCRouterRecord } from "@trpc/server";
import { serviceContext } from "../context.ts";
import { signedIn, staffOrCustomer } from "../trpc.ts";
import { listSessions, revokeAllSessionsOfUser, revokeOtherSessions, revokeSession } from "./sessions.ts";

/** The signed-in user's sessions, and admins signing a user out everywhere. */
export const sessionsRouter = {
  list: signedIn.query(({ ctx }) => listSessions({ ...serviceContext(ctx), actor: ctx.actor })),
  revoke: signedIn
    .input(SessionId)
    .mutation(({ ctx, input }) =>
      revokeSession({ ...serviceContext(ctx), actor: ctx.actor }, input.sessionId),
    ),
  revokeOthers: signedIn.mutation(({ ctx }) =>
    revokeOtherSessions({ ...serviceContext(ctx), actor: ctx.actor }),
  ),
  revokeAllForUser: staffOrCustomer(["ADMIN"], [...CUSTOMER_ADMIN_ROLES])
    .input(RevokeUserSessionsInput)
    .mutation(({ ctx, input }) =>
      revokeAllSessionsOfUser(
        { ...serviceContext(ctx), actor: ctx.actor, organizationId: ctx.organizationId },
        input.userId,
      ),
    ),
} satisfies TRPCRouterRecord;
