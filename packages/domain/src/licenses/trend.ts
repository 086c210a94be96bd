import type { LicenseStatus } from "./lifecycle.ts";
import { TIERS, type Tier } from "./tiers.ts";

/** The most months a trend reaches back. */
export const MAX_TREND_MONTHS = 24;

interface TrendMonth {
  /** `YYYY-MM`, UTC. */
  month: string;
  /** The first instant of the month, and of the next. */
  start: Date;
  end: Date;
  /** The instant the month is measured at: its end, or `now` for the month under way. */
  at: Date;
}

/** The last `count` UTC calendar months up to and including the current one, oldest first. */
export const trendMonths = (count: number, now: Date): TrendMonth[] =>
  Array.from({ length: count }, (_, index) => {
    const offset = count - 1 - index;
    const start = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - offset, 1));
    const end = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - offset + 1, 1));
    return { month: start.toISOString().slice(0, 7), start, end, at: end < now ? end : now };
  });

/** What a license's history is reconstructed from. */
export interface LicenseSpan {
  tier: Tier;
  status: LicenseStatus;
  createdAt: Date;
  activatedAt: Date | null;
  expiresAt: Date | null;
  suspendedAt: Date | null;
  cancelledAt: Date | null;
}

/**
 * Whether a license was in force at `at`: activated by then, not yet expired or cancelled,
 * and not in a suspension that is still going on. A suspension since lifted leaves no trace
 * in the row, so past months count such a license as in force throughout.
 */
export const inForceAt = (license: LicenseSpan, at: Date): boolean =>
  license.activatedAt !== null &&
  license.activatedAt <= at &&
  (license.expiresAt === null || license.expiresAt > at) &&
  (license.cancelledAt === null || license.cancelledAt > at) &&
  !(license.status === "SUSPENDED" && license.suspendedAt !== null && license.suspendedAt <= at);

interface LicenseTrendPoint {
  month: string;
  /** Licenses in force at the month's end (or now), by tier. */
  inForce: Record<Tier, number>;
  /** Licenses created during the month. */
  created: number;
}

/** Licenses in force at each month's end, by tier, and licenses created each month. */
export const licenseTrend = (licenses: LicenseSpan[], months: TrendMonth[]): LicenseTrendPoint[] =>
  months.map(({ month, start, end, at }) => {
    const inForce = Object.fromEntries(TIERS.map((tier) => [tier, 0])) as Record<Tier, number>;
    let created = 0;
    for (const license of licenses) {
      if (inForceAt(license, at)) inForce[license.tier]++;
      if (license.createdAt >= start && license.createdAt < end) created++;
    }
    return { month, inForce, created };
  });
