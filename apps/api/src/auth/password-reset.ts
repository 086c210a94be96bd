import { organizations, passwordResets, sessions, users } from "@tessera/db/schema";
import {
  DomainError,
  keepsPasswordUnderSso,
  type RequestPasswordResetInput,
  type ResetPasswordInput,
} from "@tessera/domain";
import { and, eq, gt, isNull, sql } from "drizzle-orm";
import type { z } from "zod";
import type { ServiceContext } from "../context.ts";
import { recordEvent } from "../events/record-event.ts";
import { queueMail } from "../mail/queue.ts";
import { ssoEnforced } from "../white-label/sso-policy.ts";
import { hashPassword } from "./password.ts";
import { assertPasswordAcceptable } from "./password-policy.ts";
import { randomToken, sha256 } from "./tokens.ts";

const RESET_TTL_MS = 3600_000;
/** Looked up for an address without an organisation, so every request asks the same questions. */
const NO_ORGANIZATION = "00000000-0000-0000-0000-000000000000";

/** The one answer to every reset request, whoever the address belongs to. */
const RESET_REQUESTED = {
  message: "If an account exists for that address, we sent a link to reset its password.",
} as const;

/**
 * Mail a reset link to the address's account. The answer is RESET_REQUESTED whatever the
 * address: known or not, the same token is made and hashed, the same lookups run and one
 * `password_resets` row and its audit event are written (an unknown, disabled or SSO-only address's row has no user
 * and can never be redeemed). Only the mail differs: a link, a pointer to SSO, or none.
 */
export const requestPasswordReset = async (
  ctx: ServiceContext,
  input: z.output<typeof RequestPasswordResetInput>,
) => {
  const now = ctx.clock.now();
  const token = randomToken();
  const tokenHash = sha256(token);
  const [user] = await ctx.db
    .select({
      id: users.id,
      name: users.name,
      email: users.email,
      role: users.role,
      disabledAt: users.disabledAt,
      organizationId: users.organizationId,
      organizationName: organizations.name,
    })
    .from(users)
    .leftJoin(organizations, eq(organizations.id, users.organizationId))
    .where(eq(sql`lower(${users.email})`, input.email));
  // owners keep a password under SSO enforcement (break-glass), so they may reset it
  const sso =
    (await ssoEnforced(ctx.db, user?.organizationId ?? NO_ORGANIZATION, now, input.email)) &&
    !keepsPasswordUnderSso(user?.role ?? "");
  const recipient = user && !user.disabledAt ? user : null;
  await ctx.db.transaction(async (tx) => {
    const [request] = await tx
      .insert(passwordResets)
      .values({
        tokenHash,
        userId: recipient && !sso ? recipient.id : null,
        expiresAt: new Date(now.getTime() + RESET_TTL_MS),
        createdAt: now,
        updatedAt: now,
      })
      .returning({ id: passwordResets.id });
    // Audited for every address alike (staff and the account's own organisation read it).
    await recordEvent(
      tx,
      { ...ctx, system: "password-reset" },
      {
        action: "auth.password_reset_requested",
        organizationId: recipient?.organizationId ?? null,
        targetType: "password_reset",
        targetId: request?.id ?? null,
        after: { userId: recipient?.id ?? null },
      },
    );
    if (!recipient) return;
    const mail = { to: [{ email: recipient.email, userId: recipient.id }], category: "SECURITY" as const };
    if (sso) {
      await queueMail(tx, now, {
        ...mail,
        template: "password-reset-sso",
        data: { name: recipient.name, organizationName: recipient.organizationName ?? "Your organisation" },
        organizationId: recipient.organizationId,
      });
    } else {
      await queueMail(tx, now, {
        ...mail,
        template: "password-reset",
        data: { name: recipient.name, token },
        organizationId: recipient.organizationId,
      });
    }
  });
  return RESET_REQUESTED;
};

const linkInvalid = (message: string) => new DomainError("LINK_INVALID", message, { field: "token" });
const USED = "This link has already been used — ask for a new one";

/** The reset a token names and its user, or LINK_INVALID saying why not. */
const usableReset = async (ctx: ServiceContext, token: string) => {
  const [row] = await ctx.db
    .select({ reset: passwordResets, user: users })
    .from(passwordResets)
    .innerJoin(users, eq(users.id, passwordResets.userId))
    .where(eq(passwordResets.tokenHash, sha256(token)));
  if (!row || row.user.disabledAt) throw linkInvalid("This link is not valid — ask for a new one");
  if (row.reset.usedAt) throw linkInvalid(USED);
  if (row.reset.expiresAt <= ctx.clock.now()) throw linkInvalid("This link has expired — ask for a new one");
  return row;
};

/**
 * Set a new password from a reset link: the policy first, then in one transaction the link is
 * claimed by a conditional update (once only), the user's other links are spent, the password
 * replaced and every session of the user ended. The user then signs in as usual.
 */
export const resetPassword = async (ctx: ServiceContext, input: z.output<typeof ResetPasswordInput>) => {
  const { reset, user } = await usableReset(ctx, input.token);
  await assertPasswordAcceptable(input.password, { email: user.email, name: user.name }, "password");
  const passwordHash = await hashPassword(input.password);
  await ctx.db.transaction(async (tx) => {
    const now = ctx.clock.now();
    const [claimed] = await tx
      .update(passwordResets)
      .set({ usedAt: now, updatedAt: now })
      .where(
        and(
          eq(passwordResets.id, reset.id),
          isNull(passwordResets.usedAt),
          gt(passwordResets.expiresAt, now),
        ),
      )
      .returning({ id: passwordResets.id });
    if (!claimed) throw linkInvalid(USED);
    await tx
      .update(passwordResets)
      .set({ usedAt: now, updatedAt: now })
      .where(and(eq(passwordResets.userId, user.id), isNull(passwordResets.usedAt)));
    await tx.update(users).set({ passwordHash, updatedAt: now }).where(eq(users.id, user.id));
    const ended = await tx
      .delete(sessions)
      .where(eq(sessions.userId, user.id))
      .returning({ id: sessions.id });
    await recordEvent(
      tx,
      { ...ctx, system: "password-reset" },
      {
        action: "auth.password_reset",
        organizationId: user.organizationId,
        targetType: "user",
        targetId: user.id,
        after: { sessionsEnded: ended.length },
      },
    );
  });
  return { reset: true as const };
};
