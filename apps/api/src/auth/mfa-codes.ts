import type { Executor } from "@tessera/db";
import { organizations, users } from "@tessera/db/schema";
import { and, eq, isNull, lt, or } from "drizzle-orm";
import type { Config } from "../config.ts";
import type { SecretBox } from "../crypto/secrets.ts";
import { totpStep } from "./totp.ts";

/** Whether MFA is required of the user: staff by configuration, customers by their organisation's setting. */
export const mfaRequiredOf = (
  user: { kind: "STAFF" | "CUSTOMER" },
  organizationRequiresMfa: boolean | null | undefined,
  config: Pick<Config, "REQUIRE_STAFF_MFA">,
): boolean => (user.kind === "STAFF" ? config.REQUIRE_STAFF_MFA : Boolean(organizationRequiresMfa));

/** The same, reading the organisation's setting. */
export const mfaRequiredFor = async (
  executor: Executor,
  config: Pick<Config, "REQUIRE_STAFF_MFA">,
  user: { kind: "STAFF" | "CUSTOMER"; organizationId: string | null },
): Promise<boolean> => {
  if (user.kind === "STAFF" || !user.organizationId) return mfaRequiredOf(user, false, config);
  const [organization] = await executor
    .select({ requireMfa: organizations.requireMfa })
    .from(organizations)
    .where(eq(organizations.id, user.organizationId));
  return mfaRequiredOf(user, organization?.requireMfa, config);
};

/**
 * Accept a TOTP code from the sealed secret: right for now ±1 step and of a later step than the
 * last one accepted, which is stored in the same conditional update, so a code (even one sent
 * twice at once) is taken only once.
 */
export const acceptTotp = async (
  executor: Executor,
  secrets: SecretBox,
  user: { id: string; mfaSecret: string | null },
  code: string,
  now: Date,
): Promise<boolean> => {
  if (!user.mfaSecret) return false;
  const step = totpStep(secrets.open(user.mfaSecret), code, now);
  if (step === null) return false;
  const accepted = await executor
    .update(users)
    .set({ mfaLastStep: step })
    .where(and(eq(users.id, user.id), or(isNull(users.mfaLastStep), lt(users.mfaLastStep, step))))
    .returning({ id: users.id });
  return accepted.length > 0;
};
