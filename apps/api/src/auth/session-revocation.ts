import type { Executor } from "@tessera/db";
import { sessions, users } from "@tessera/db/schema";
import { and, eq, inArray, ne } from "drizzle-orm";
import type { ServiceContext } from "../context.ts";
import { recordEvent } from "../events/record-event.ts";

/**
 * End every password session of the organisation's people, as SSO enforcement begins: a
 * password (perhaps a leaked one) must not keep working through a session it opened earlier.
 * The acting admin's own session is kept so they can still undo a broken SSO setup.
 */
export const endPasswordSessions = async (
  executor: Executor,
  ctx: ServiceContext,
  organizationId: string,
): Promise<number> => {
  const members = executor
    .select({ id: users.id })
    .from(users)
    .where(eq(users.organizationId, organizationId));
  const ended = await executor
    .delete(sessions)
    .where(
      and(
        eq(sessions.method, "password"),
        inArray(sessions.userId, members),
        ctx.actor ? ne(sessions.id, ctx.actor.sessionId) : undefined,
      ),
    )
    .returning({ id: sessions.id });
  if (ended.length > 0) {
    await recordEvent(executor, ctx, {
      action: "auth.password_sessions_ended",
      organizationId,
      targetType: "organization",
      targetId: organizationId,
      after: { sessions: ended.length, reason: "sso_enforced" },
    });
  }
  return ended.length;
};
