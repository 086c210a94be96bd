import { mfaChallenges, sessions, users } from "@tessera/db/schema";
import { type ChangePasswordInput, DomainError } from "@tessera/domain";
import { and, eq, ne } from "drizzle-orm";
import type { z } from "zod";
import type { Actor, AppDeps, ServiceContext } from "../context.ts";
import { recordEvent } from "../events/record-event.ts";
import { passwordRefusedBySso } from "../white-label/sso-policy.ts";
import { hashPassword } from "./password.ts";
import { assertPasswordAcceptable } from "./password-policy.ts";
import { assertCurrentPassword } from "./reauth.ts";

/**
 * Change one's own password: the current one first (throttled like sign-in), then the policy,
 * then every other session of the user ends, so a thief's session does not outlive the change.
 * People whose organisation enforces SSO have no password to change here.
 */
export const changePassword = async (
  deps: Pick<AppDeps, "loginLimiter">,
  ctx: ServiceContext & { actor: Actor },
  input: z.output<typeof ChangePasswordInput>,
) => {
  const { actor } = ctx;
  const now = ctx.clock.now();
  const [user] = await ctx.db.select().from(users).where(eq(users.id, actor.userId));
  if (!user) throw new DomainError("NOT_FOUND", "User not found");
  const [session] = await ctx.db
    .select({ method: sessions.method })
    .from(sessions)
    .where(eq(sessions.id, actor.sessionId));
  if (session?.method === "sso" && (await passwordRefusedBySso(ctx.db, user, now))) {
    throw new DomainError(
      "SSO_REQUIRED",
      "Your organisation signs in with single sign-on: your password is managed there",
    );
  }
  await assertCurrentPassword(deps, user, ctx.ip, input.currentPassword, "currentPassword");
  await assertPasswordAcceptable(input.newPassword, { email: user.email, name: user.name }, "newPassword");
  // scrypt takes ~100 ms: outside the transaction, so no row lock waits on it.
  const passwordHash = await hashPassword(input.newPassword);
  return ctx.db.transaction(async (tx) => {
    await tx.update(users).set({ passwordHash, updatedAt: now }).where(eq(users.id, user.id));
    const ended = await tx
      .delete(sessions)
      .where(and(eq(sessions.userId, user.id), ne(sessions.id, actor.sessionId)))
      .returning({ id: sessions.id });
    await tx.delete(mfaChallenges).where(eq(mfaChallenges.userId, user.id));
    await recordEvent(tx, ctx, {
      action: "auth.password_changed",
      organizationId: user.organizationId,
      targetType: "user",
      targetId: user.id,
      after: { otherSessionsEnded: ended.length },
    });
    return { otherSessionsEnded: ended.length };
  });
};
