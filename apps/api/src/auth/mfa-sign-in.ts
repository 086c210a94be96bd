import { mfaChallenges, users } from "@tessera/db/schema";
import { DomainError, type VerifyMfaInput } from "@tessera/domain";
import { and, eq, gt } from "drizzle-orm";
import type { z } from "zod";
import type { AppDeps, ServiceContext } from "../context.ts";
import { recordEvent } from "../events/record-event.ts";
import { acceptTotp } from "./mfa-codes.ts";
import { requireSignInHere } from "./portal-host.ts";
import { invalidCode, throttledCheck } from "./reauth.ts";
import { redeemRecoveryCode } from "./recovery-codes.ts";
import { openSession } from "./service.ts";
import { sha256 } from "./tokens.ts";

const challengeInvalid = () =>
  new DomainError("MFA_CHALLENGE_INVALID", "This sign-in has expired: enter your email and password again", {
    field: "challenge",
  });

/** Six digits (spaces allowed) are a TOTP code; anything else is tried as a recovery code. */
const isTotpShaped = (code: string) => /^\d{6}$/.test(code.replace(/\s+/g, ""));

/**
 * The second step of a password sign-in: the challenge `auth.signIn` answered and a TOTP or
 * recovery code. Attempts are throttled like passwords on the user's email; the code and the
 * challenge are used up in the transaction that opens the session, so neither works twice.
 */
export const verifyMfa = async (
  deps: Pick<AppDeps, "loginLimiter" | "config" | "secrets">,
  ctx: ServiceContext & { userAgent: string | null; host?: string | null },
  input: z.output<typeof VerifyMfaInput>,
) => {
  const now = ctx.clock.now();
  const [row] = await ctx.db
    .select({ challengeId: mfaChallenges.id, user: users })
    .from(mfaChallenges)
    .innerJoin(users, eq(users.id, mfaChallenges.userId))
    .where(and(eq(mfaChallenges.tokenHash, sha256(input.challenge)), gt(mfaChallenges.expiresAt, now)))
    .limit(1);
  if (!row || row.user.disabledAt || !row.user.mfaEnabledAt) throw challengeInvalid();
  const { user, challengeId } = row;
  await requireSignInHere({ db: ctx.db, config: deps.config }, ctx.host, user);
  const code = input.code.replace(/\s+/g, "");
  return throttledCheck(
    deps,
    { email: user.email, ip: ctx.ip },
    () =>
      ctx.db.transaction(async (tx) => {
        const byRecoveryCode = !isTotpShaped(code);
        const accepted = byRecoveryCode
          ? await redeemRecoveryCode(tx, user.id, code, now)
          : await acceptTotp(tx, deps.secrets, user, code, now);
        if (!accepted) return null;
        const consumed = await tx
          .delete(mfaChallenges)
          .where(eq(mfaChallenges.id, challengeId))
          .returning({ id: mfaChallenges.id });
        // Used by a parallel request meanwhile: roll the code back and refuse.
        if (consumed.length === 0) throw challengeInvalid();
        const session = await openSession(tx, deps, ctx, user, "password");
        if (byRecoveryCode) {
          await recordEvent(
            tx,
            { ...ctx, actor: { ...session.actor, sessionId: "" } },
            {
              action: "auth.recovery_code_used",
              organizationId: user.organizationId,
              targetType: "user",
              targetId: user.id,
            },
          );
        }
        return session;
      }),
    invalidCode,
  );
};
