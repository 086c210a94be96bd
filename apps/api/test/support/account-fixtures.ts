import { randomBytes } from "node:crypto";
import { mfaRecoveryCodes, sessions, users } from "@tessera/db/schema";
import { eq } from "drizzle-orm";
import { Secret, TOTP } from "otpauth";
import { sha256 } from "../../src/auth/tokens.ts";
import type { TestHarness } from "../harness.ts";

/** The code an authenticator app shows for the secret at the harness clock's time (or `offsetSteps` away). */
export const totpCode = (h: TestHarness, secret: string, offsetSteps = 0): string =>
  new TOTP({ secret: Secret.fromBase32(secret), algorithm: "SHA1", digits: 6, period: 30 }).generate({
    timestamp: h.clock.now().getTime() + offsetSteps * 30_000,
  });

/**
 * MFA on for the user, straight in the table, with a fresh secret and no step used yet: the
 * current code works once. Returns that code and the secret.
 */
export const withMfa = async (h: TestHarness, userId: string) => {
  const secret = new Secret({ size: 20 }).base32;
  await h.db
    .update(users)
    .set({ mfaSecret: h.deps.secrets.seal(secret), mfaEnabledAt: h.clock.now(), mfaLastStep: null })
    .where(eq(users.id, userId));
  return { secret, code: totpCode(h, secret) };
};

export const withoutMfa = async (h: TestHarness, userId: string) => {
  await h.db
    .update(users)
    .set({ mfaSecret: null, mfaPendingSecret: null, mfaEnabledAt: null, mfaLastStep: null })
    .where(eq(users.id, userId));
  await h.db.delete(mfaRecoveryCodes).where(eq(mfaRecoveryCodes.userId, userId));
};

/** A user of the organisation (null: staff) that no persona is, for calls that sign people out. */
export const spareUser = async (h: TestHarness, organizationId: string | null) => {
  const [user] = await h.db
    .insert(users)
    .values({
      email: `spare-${randomBytes(4).toString("hex")}@spare.test`,
      name: "Spare Person",
      passwordHash: "unusable",
      kind: organizationId ? "CUSTOMER" : "STAFF",
      role: organizationId ? "MEMBER" : "VIEWER",
      organizationId,
    })
    .returning({ id: users.id, email: users.email });
  if (!user) throw new Error("no spare user");
  return user;
};

/** A new session of the user, as sign-in would make: its id and cookie token. */
export const newSession = async (h: TestHarness, userId: string) => {
  const token = await h.sessionToken(userId);
  const [row] = await h.db
    .select({ id: sessions.id })
    .from(sessions)
    .where(eq(sessions.tokenHash, sha256(token)));
  return { token, id: row?.id ?? "" };
};

/** What the browser that opened the session said it was. */
export const setUserAgent = async (h: TestHarness, token: string, userAgent: string) => {
  await h.db
    .update(sessions)
    .set({ userAgent })
    .where(eq(sessions.tokenHash, sha256(token)));
};
