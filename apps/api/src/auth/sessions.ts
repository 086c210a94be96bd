import { mfaChallenges, sessions, users } from "@tessera/db/schema";
import { DomainError, describeUserAgent } from "@tessera/domain";
import { and, desc, eq, gt, ne } from "drizzle-orm";
import type { Actor, ServiceContext } from "../context.ts";
import { recordEvent } from "../events/record-event.ts";

type SignedIn = ServiceContext & { actor: Actor };

/** The signed-in user's live sessions, newest use first; never a token or its hash. */
export const listSessions = async (ctx: SignedIn) => {
  const rows = await ctx.db
    .select({
      id: sessions.id,
      createdAt: sessions.createdAt,
      lastSeenAt: sessions.lastSeenAt,
      ip: sessions.ip,
      userAgent: sessions.userAgent,
      method: sessions.method,
    })
    .from(sessions)
    .where(and(eq(sessions.userId, ctx.actor.userId), gt(sessions.expiresAt, ctx.clock.now())))
    .orderBy(desc(sessions.lastSeenAt), desc(sessions.createdAt));
  return rows.map(({ userAgent, ...session }) => ({
    ...session,
    device: describeUserAgent(userAgent),
    current: session.id === ctx.actor.sessionId,
  }));
};

const sessionsEnded = (userId: string, organizationId: string | null, ended: number, reason: string) =>
  ({
    action: "auth.sessions_revoked",
    organizationId,
    targetType: "user",
    targetId: userId,
    after: { sessions: ended, reason },
  }) as const;

/** End one of the user's own sessions; anyone else's id is NOT_FOUND. */
export const revokeSession = (ctx: SignedIn, sessionId: string) =>
  ctx.db.transaction(async (tx) => {
    const ended = await tx
      .delete(sessions)
      .where(and(eq(sessions.id, sessionId), eq(sessions.userId, ctx.actor.userId)))
      .returning({ id: sessions.id });
    if (ended.length === 0) throw new DomainError("NOT_FOUND", "Session not found", { field: "sessionId" });
    await recordEvent(tx, ctx, sessionsEnded(ctx.actor.userId, ctx.actor.organizationId, 1, "revoked"));
    return { revoked: 1 };
  });

/** End every session of the user but this one ("sign out everywhere else"). */
export const revokeOtherSessions = (ctx: SignedIn) =>
  ctx.db.transaction(async (tx) => {
    const ended = await tx
      .delete(sessions)
      .where(and(eq(sessions.userId, ctx.actor.userId), ne(sessions.id, ctx.actor.sessionId)))
      .returning({ id: sessions.id });
    if (ended.length > 0) {
      await recordEvent(
        tx,
        ctx,
        sessionsEnded(ctx.actor.userId, ctx.actor.organizationId, ended.length, "others_revoked"),
      );
    }
    return { revoked: ended.length };
  });

/**
 * An admin signs a user out everywhere (and cancels their unfinished MFA sign-ins): staff for
 * anyone, customer admins for their own organisation's people (`organizationId` from the
 * session; anyone else is NOT_FOUND). The acting session itself is kept.
 */
export const revokeAllSessionsOfUser = (ctx: SignedIn & { organizationId: string | null }, userId: string) =>
  ctx.db.transaction(async (tx) => {
    const [target] = await tx
      .select({ id: users.id, organizationId: users.organizationId })
      .from(users)
      .where(
        ctx.organizationId
          ? and(eq(users.id, userId), eq(users.organizationId, ctx.organizationId))
          : eq(users.id, userId),
      );
    if (!target) throw new DomainError("NOT_FOUND", "User not found", { field: "userId" });
    const ended = await tx
      .delete(sessions)
      .where(and(eq(sessions.userId, target.id), ne(sessions.id, ctx.actor.sessionId)))
      .returning({ id: sessions.id });
    await tx.delete(mfaChallenges).where(eq(mfaChallenges.userId, target.id));
    await recordEvent(
      tx,
      ctx,
      sessionsEnded(target.id, target.organizationId, ended.length, "admin_revoked"),
    );
    return { revoked: ended.length };
  });
