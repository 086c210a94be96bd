import { mfaChallenges } from "@tessera/db/schema";
import { and, eq, lte } from "drizzle-orm";
import type { ServiceContext } from "../context.ts";
import { randomToken, sha256 } from "./tokens.ts";

/** How long the code step of a sign-in may take before the password must be given again. */
const CHALLENGE_TTL_MS = 5 * 60_000;

/**
 * After the right password of a user with MFA on: a random challenge (only its hash stored)
 * that `auth.verifyMfa` exchanges once, with a code, for a session. The user's expired
 * challenges are cleared on the way, so the table holds only live ones.
 */
export const createMfaChallenge = async (
  ctx: ServiceContext,
  userId: string,
): Promise<{ challenge: string; expiresAt: Date }> => {
  const now = ctx.clock.now();
  const challenge = randomToken();
  const expiresAt = new Date(now.getTime() + CHALLENGE_TTL_MS);
  await ctx.db.transaction(async (tx) => {
    await tx
      .delete(mfaChallenges)
      .where(and(eq(mfaChallenges.userId, userId), lte(mfaChallenges.expiresAt, now)));
    await tx
      .insert(mfaChallenges)
      .values({ tokenHash: sha256(challenge), userId, expiresAt, createdAt: now, updatedAt: now });
  });
  return { challenge, expiresAt };
};
