import type { Executor } from "@tessera/db";
import { ssoConnectionTests, users } from "@tessera/db/schema";
import { SINGLETON_KEY } from "@tessera/domain";
import { and, eq } from "drizzle-orm";
import { settingsFingerprint } from "../../src/white-label/sso-connection-test.ts";
import { findCustomization } from "../../src/white-label/store.ts";

/**
 * Record a passed "Test connection" of the organisation's saved SSO settings by one of its
 * users (an owner, for enforcement to follow): for tests about what enforcement does, not
 * about the test flow itself, which the SSO and SAML tests drive through real providers.
 */
export const passSsoTest = async (
  db: Executor,
  organizationId: string,
  role: "OWNER" | "ADMIN" = "OWNER",
) => {
  const saved = await findCustomization(db, organizationId, "SSO", SINGLETON_KEY);
  const [starter] = await db
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.organizationId, organizationId), eq(users.role, role)))
    .limit(1);
  if (!saved || !starter) throw new Error("passSsoTest needs saved SSO settings and a user of that role");
  const now = new Date();
  await db.insert(ssoConnectionTests).values({
    organizationId,
    startedBy: starter.id,
    startedByRole: role,
    settingsFingerprint: settingsFingerprint(saved.value, saved.secretCiphertext),
    protocol: String(saved.value.protocol),
    status: "SUCCEEDED",
    startedAt: now,
    finishedAt: now,
    expiresAt: now,
  });
};
