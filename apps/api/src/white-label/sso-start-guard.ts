import type { Database } from "@tessera/db";
import { organizations, ssoLoginStates } from "@tessera/db/schema";
import { and, count, eq, gt, lt } from "drizzle-orm";
import type { RateLimiterAbstract } from "rate-limiter-flexible";
import { type RateLimiterFactory, secondsToWait } from "../rate-limits.ts";

interface SsoStartLimits {
  maxPerIp: number;
  maxPerOrganization: number;
}

const WINDOW_SECONDS = 60;

/**
 * GET /auth/sso/start is anonymous and makes us write a row and call the organisation's
 * provider: starts are counted per client IP and per organisation, each per minute.
 */
export class SsoStartLimiter {
  private readonly byIp: RateLimiterAbstract;
  private readonly byOrganization: RateLimiterAbstract;

  constructor(limits: SsoStartLimits, createLimiter: RateLimiterFactory) {
    this.byIp = createLimiter({
      keyPrefix: "sso-start-ip",
      points: limits.maxPerIp,
      durationSeconds: WINDOW_SECONDS,
    });
    this.byOrganization = createLimiter({
      keyPrefix: "sso-start-organization",
      points: limits.maxPerOrganization,
      durationSeconds: WINDOW_SECONDS,
    });
  }

  /** Counts one start; answers the seconds to wait when the IP or the organisation is over its limit. */
  async admit(ip: string | null, organizationId: string): Promise<number | null> {
    return (
      (await secondsToWait(this.byIp, ip ?? "unknown")) ??
      (await secondsToWait(this.byOrganization, organizationId))
    );
  }
}

/**
 * Store a pending sign-in unless its organisation already has `cap` unexpired ones. The
 * organisation's row is locked (NO KEY UPDATE, which the foreign key's share lock does not
 * wait on) so concurrent starts count one after another and the cap holds under a race.
 * Expired rows, of every organisation, are deleted first.
 */
export const storeLoginStateWithinCap = async (
  db: Database,
  row: typeof ssoLoginStates.$inferInsert,
  cap: number,
  now: Date,
): Promise<boolean> => {
  await db.delete(ssoLoginStates).where(lt(ssoLoginStates.expiresAt, now));
  return db.transaction(async (tx) => {
    await tx
      .select({ id: organizations.id })
      .from(organizations)
      .where(eq(organizations.id, row.organizationId))
      .for("no key update");
    const [pending] = await tx
      .select({ rows: count() })
      .from(ssoLoginStates)
      .where(and(eq(ssoLoginStates.organizationId, row.organizationId), gt(ssoLoginStates.expiresAt, now)));
    if ((pending?.rows ?? 0) >= cap) return false;
    await tx.insert(ssoLoginStates).values(row);
    return true;
  });
};
