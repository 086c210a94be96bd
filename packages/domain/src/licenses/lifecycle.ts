import { DomainError } from "../errors.ts";

export const LICENSE_STATUSES = ["PENDING", "ACTIVE", "SUSPENDED", "EXPIRED", "CANCELLED"] as const;
export type LicenseStatus = (typeof LICENSE_STATUSES)[number];

/** Statuses that hold an organisation's one license "in force" (a partial unique index). */
export const IN_FORCE_STATUSES = [
  "PENDING",
  "ACTIVE",
  "SUSPENDED",
] as const satisfies readonly LicenseStatus[];

export const LICENSE_ACTIONS = ["activate", "suspend", "reinstate", "expire", "renew", "cancel"] as const;
export type LicenseAction = (typeof LICENSE_ACTIONS)[number];

interface LicenseTimeline extends RenewalState {
  startsAt: Date | null;
  termMonths: number;
}

/** The sweep renews an auto-renewing license this long before it expires, so it never lapses. */
export const AUTO_RENEW_WINDOW_MS = 60 * 60 * 1000;
/**
 * Past its expiry, an auto-renewing license whose renewal has not been tried yet stays in
 * force — at most this long, so a sweep that is down for days does not become free terms.
 */
export const AUTO_RENEW_GRACE_MS = 24 * 60 * 60 * 1000;

interface RenewalState {
  status: LicenseStatus;
  expiresAt: Date | null;
  autoRenew: boolean;
  /** Set when the sweep tried to renew and was refused; cleared by any renewal. */
  renewalFailedAt: Date | null;
}

/** Whether an auto-renewal is still to be tried at `now`: within the grace, never refused. */
const awaitingRenewal = (license: RenewalState, overdueMs: number): boolean =>
  license.autoRenew && license.renewalFailedAt === null && overdueMs < AUTO_RENEW_GRACE_MS;

/**
 * The status as of `now`: an ACTIVE license past its expiry reads as EXPIRED, job or no job —
 * unless it renews itself and the sweep has not tried yet (customers are not locked out at
 * each renewal while the job catches up).
 */
export const effectiveStatus = (license: RenewalState, now: Date): LicenseStatus => {
  if (license.status !== "ACTIVE" || license.expiresAt === null) return license.status;
  const overdueMs = now.getTime() - license.expiresAt.getTime();
  return overdueMs >= 0 && !awaitingRenewal(license, overdueMs) ? "EXPIRED" : license.status;
};

/** The sweep renews auto-renewing licenses that expire before this instant. */
export const autoRenewDueBefore = (now: Date): Date => new Date(now.getTime() + AUTO_RENEW_WINDOW_MS);

/** Calendar months later, clamped to the month's end (31 Jan + 1 month = 28/29 Feb), in UTC. */
export const addMonths = (date: Date, months: number): Date => {
  const result = new Date(date.getTime());
  const day = result.getUTCDate();
  result.setUTCDate(1);
  result.setUTCMonth(result.getUTCMonth() + months);
  const lastDay = new Date(Date.UTC(result.getUTCFullYear(), result.getUTCMonth() + 1, 0)).getUTCDate();
  result.setUTCDate(Math.min(day, lastDay));
  return result;
};

/** Renewal extends from the later of now and the current expiry, by the term. */
export const renewedExpiry = (
  license: Pick<LicenseTimeline, "expiresAt" | "termMonths">,
  now: Date,
): Date => {
  const from = license.expiresAt && license.expiresAt.getTime() > now.getTime() ? license.expiresAt : now;
  return addMonths(from, license.termMonths);
};

const ALLOWED_FROM: Record<LicenseAction, readonly LicenseStatus[]> = {
  activate: ["PENDING"],
  suspend: ["ACTIVE"],
  reinstate: ["SUSPENDED"],
  expire: ["ACTIVE"], // stored status; see nextLicenseState
  renew: ["ACTIVE", "EXPIRED"],
  cancel: ["PENDING", "ACTIVE", "SUSPENDED", "EXPIRED"],
};

interface LicenseTransition {
  from: LicenseStatus;
  to: LicenseStatus;
  /** Column values the transition sets. */
  patch: {
    status: LicenseStatus;
    startsAt?: Date;
    expiresAt?: Date;
    activatedAt?: Date;
    suspendedAt?: Date | null;
    suspendedReason?: string | null;
    cancelledAt?: Date;
    cancelledReason?: string;
    expiredAt?: Date;
    renewedAt?: Date;
    renewalFailedAt?: null;
  };
}

/**
 * The lifecycle as a pure function: what `action` does to a license at `now`, or a
 * LICENSE_INVALID_TRANSITION error naming the current (effective) status.
 */
export const nextLicenseState = (
  license: LicenseTimeline,
  action: LicenseAction,
  now: Date,
  reason?: string,
): LicenseTransition => {
  const from = effectiveStatus(license, now);
  // Expiring records what time already decided: only a stored ACTIVE that reads EXPIRED.
  const allowed =
    action === "expire"
      ? license.status === "ACTIVE" && from === "EXPIRED"
      : ALLOWED_FROM[action].includes(from);
  if (!allowed) {
    const notYet = action === "expire" && from === "ACTIVE" ? " and not yet past its expiry" : "";
    throw new DomainError(
      "LICENSE_INVALID_TRANSITION",
      `Cannot ${action} a license that is ${from}${notYet}`,
      {
        field: "status",
        currentStatus: from,
        action,
      },
    );
  }
  switch (action) {
    case "activate": {
      const startsAt =
        license.startsAt && license.startsAt.getTime() > now.getTime() ? license.startsAt : now;
      return {
        from,
        to: "ACTIVE",
        patch: {
          status: "ACTIVE",
          activatedAt: now,
          startsAt,
          expiresAt:
            license.expiresAt && license.expiresAt.getTime() > startsAt.getTime()
              ? license.expiresAt
              : addMonths(startsAt, license.termMonths),
        },
      };
    }
    case "suspend":
      return {
        from,
        to: "SUSPENDED",
        patch: { status: "SUSPENDED", suspendedAt: now, suspendedReason: reason ?? null },
      };
    case "reinstate":
      return { from, to: "ACTIVE", patch: { status: "ACTIVE", suspendedAt: null, suspendedReason: null } };
    case "expire":
      return { from, to: "EXPIRED", patch: { status: "EXPIRED", expiredAt: license.expiresAt ?? now } };
    case "renew":
      return {
        from,
        to: "ACTIVE",
        patch: {
          status: "ACTIVE",
          expiresAt: renewedExpiry(license, now),
          renewedAt: now,
          renewalFailedAt: null,
        },
      };
    case "cancel":
      return {
        from,
        to: "CANCELLED",
        patch: { status: "CANCELLED", cancelledAt: now, cancelledReason: reason ?? "" },
      };
  }
};

/** Whole days from `now` until expiry, rounded up; negative once expired. */
export const daysUntilExpiry = (expiresAt: Date, now: Date): number =>
  Math.ceil((expiresAt.getTime() - now.getTime()) / 86_400_000);
