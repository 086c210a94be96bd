import type { Executor } from "@tessera/db";
import { organizations, sessions, users } from "@tessera/db/schema";
import { DomainError, keepsPasswordUnderSso, type SignInInput } from "@tessera/domain";
import { and, eq, gt, sql } from "drizzle-orm";
import type { z } from "zod";
import type { Actor, AppDeps, ServiceContext } from "../context.ts";
import { recordEvent } from "../events/record-event.ts";
import { ssoEnforced } from "../white-label/sso-policy.ts";
import { createMfaChallenge } from "./mfa-challenge.ts";
import { mfaRequiredOf } from "./mfa-codes.ts";
import { UNUSABLE_PASSWORD_HASH, verifyPassword } from "./password.ts";
import { requireSignInHere } from "./portal-host.ts";
import { randomToken, sha256 } from "./tokens.ts";

/** Refresh a session's expiry at most this often, so reads do not write on every request. */
const SLIDE_AFTER_MS = 60 * 60 * 1000;

interface SignInResult {
  token: string;
  expiresAt: Date;
  actor: Omit<Actor, "sessionId">;
}

/** A right password of a user with MFA on: no session yet, a challenge for `auth.verifyMfa`. */
interface MfaChallengeResult {
  challenge: string;
  expiresAt: Date;
}

/**
 * Password sign-in. The attempt is counted before the password is checked; every refusal
 * that depends on the account (disabled, SSO only, wrong domain) says nothing a wrong
 * password would not, or is given before the password is looked at.
 */
export const signIn = async (
  deps: Pick<AppDeps, "loginLimiter" | "config">,
  ctx: ServiceContext & { userAgent: string | null; host?: string | null },
  input: z.output<typeof SignInInput>,
): Promise<SignInResult | MfaChallengeResult> => {
  const attempt = await deps.loginLimiter.begin(input.email, ctx.ip);
  const [user] = await ctx.db
    .select()
    .from(users)
    .where(sql`lower(${users.email}) = ${input.email}`)
    .limit(1);
  // SSO-enforced organisations' people go to SSO whatever password they typed, before it is
  // checked; owners keep their password (and MFA) as the break-glass way back in.
  const ssoOnly = user?.organizationId
    ? await ssoEnforced(ctx.db, user.organizationId, ctx.clock.now(), user.email)
    : false;
  if (user && ssoOnly && !keepsPasswordUnderSso(user.role)) {
    await attempt.refusedUnchecked();
    throw new DomainError(
      "SSO_REQUIRED",
      "Your organisation signs in with single sign-on; use “Sign in with SSO”",
      { field: "email", organizationId: user.organizationId },
    );
  }
  // Hash even for an unknown email so the answer takes as long either way.
  const passwordOk = await verifyPassword(input.password, user?.passwordHash ?? UNUSABLE_PASSWORD_HASH);
  // A disabled account answers like a wrong password, so the answer never confirms a guess.
  if (!user || !passwordOk || user.disabledAt) {
    await attempt.failed();
    throw new DomainError("INVALID_CREDENTIALS", "Email or password is incorrect", { field: "password" });
  }
  await attempt.succeeded();
  await requireSignInHere({ db: ctx.db, config: deps.config }, ctx.host, user);
  if (ssoOnly) await recordBreakGlass(ctx, user);
  if (user.mfaEnabledAt) return createMfaChallenge(ctx, user.id);
  return startSession(deps, ctx, user, "password");
};

/** An owner passed the password step although SSO is enforced: their organisation sees it in the audit log. */
const recordBreakGlass = (ctx: ServiceContext, user: typeof users.$inferSelect) =>
  recordEvent(ctx.db, ctx, {
    action: "auth.sso_break_glass",
    organizationId: user.organizationId,
    targetType: "user",
    targetId: user.id,
    after: { email: user.email, mfa: user.mfaEnabledAt !== null },
  });

/** Open a session for a user who has proven who they are (password, MFA or SSO). Audited. */
export const startSession = (
  deps: Pick<AppDeps, "config">,
  ctx: ServiceContext & { userAgent: string | null },
  user: typeof users.$inferSelect,
  method: "password" | "sso",
): Promise<SignInResult> => ctx.db.transaction((tx) => openSession(tx, deps, ctx, user, method));

/** `startSession` inside the caller's transaction (the MFA step consumes its challenge in the same one). */
export const openSession = async (
  tx: Executor,
  deps: Pick<AppDeps, "config">,
  ctx: ServiceContext & { userAgent: string | null },
  user: typeof users.$inferSelect,
  method: "password" | "sso",
): Promise<SignInResult> => {
  const now = ctx.clock.now();
  const token = randomToken();
  const expiresAt = new Date(now.getTime() + deps.config.SESSION_TTL_HOURS * 3600_000);
  const organizationRequiresMfa = user.organizationId
    ? (
        await tx
          .select({ requireMfa: organizations.requireMfa })
          .from(organizations)
          .where(eq(organizations.id, user.organizationId))
      )[0]?.requireMfa
    : false;
  const actor = {
    userId: user.id,
    email: user.email,
    name: user.name,
    kind: user.kind,
    role: user.role,
    organizationId: user.organizationId,
    mfaEnrolmentRequired: enrolmentRequired(user, method, organizationRequiresMfa, deps.config),
  };
  const [session] = await tx
    .insert(sessions)
    .values({
      tokenHash: sha256(token),
      userId: user.id,
      expiresAt,
      lastSeenAt: now,
      ip: ctx.ip,
      userAgent: ctx.userAgent?.slice(0, 500) ?? null,
      method,
      createdAt: now,
      updatedAt: now,
    })
    .returning({ id: sessions.id });
  await tx.update(users).set({ lastSignInAt: now }).where(eq(users.id, user.id));
  await recordEvent(
    tx,
    { ...ctx, actor: { ...actor, sessionId: session?.id ?? "" } },
    {
      action: "auth.signed_in",
      organizationId: user.organizationId,
      targetType: "user",
      targetId: user.id,
      after: { method },
    },
  );
  return { token, expiresAt, actor };
};

/**
 * A password session of someone who must use MFA and has not enrolled may only enrol
 * (`trpc.ts`). SSO sessions are left to the identity provider's own second factor.
 */
const enrolmentRequired = (
  user: typeof users.$inferSelect,
  method: "password" | "sso",
  organizationRequiresMfa: boolean | undefined,
  config: AppDeps["config"],
): boolean =>
  method === "password" && !user.mfaEnabledAt && mfaRequiredOf(user, organizationRequiresMfa, config);

/**
 * The actor behind a session token, or null when the token is unknown, expired or its user
 * disabled. Slides the expiry forward on use.
 */
export const resolveSession = async (
  deps: Pick<AppDeps, "db" | "clock" | "config">,
  token: string,
): Promise<Actor | null> => {
  const now = deps.clock.now();
  const [row] = await deps.db
    .select({ session: sessions, user: users, organizationRequiresMfa: organizations.requireMfa })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .leftJoin(organizations, eq(organizations.id, users.organizationId))
    .where(and(eq(sessions.tokenHash, sha256(token)), gt(sessions.expiresAt, now)))
    .limit(1);
  if (!row || row.user.disabledAt) return null;
  if (now.getTime() - row.session.lastSeenAt.getTime() > SLIDE_AFTER_MS) {
    await deps.db
      .update(sessions)
      .set({
        lastSeenAt: now,
        expiresAt: new Date(now.getTime() + deps.config.SESSION_TTL_HOURS * 3600_000),
        updatedAt: now,
      })
      .where(eq(sessions.id, row.session.id));
  }
  return {
    userId: row.user.id,
    email: row.user.email,
    name: row.user.name,
    kind: row.user.kind,
    role: row.user.role,
    organizationId: row.user.organizationId,
    sessionId: row.session.id,
    lastWriteLsn: row.session.lastWriteLsn,
    mfaEnrolmentRequired: enrolmentRequired(
      row.user,
      row.session.method,
      row.organizationRequiresMfa ?? false,
      deps.config,
    ),
  };
};

export const signOut = async (ctx: ServiceContext): Promise<void> => {
  const actor = ctx.actor;
  if (!actor) return;
  await ctx.db.transaction(async (tx) => {
    await tx.delete(sessions).where(eq(sessions.id, actor.sessionId));
    await recordEvent(tx, ctx, {
      action: "auth.signed_out",
      organizationId: actor.organizationId,
      targetType: "user",
      targetId: actor.userId,
    });
  });
};
