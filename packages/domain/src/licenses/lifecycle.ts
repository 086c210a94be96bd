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

interface LicenseTimeline {
  status: LicenseStatus;
  startsAt: Date | null;
  expiresAt: Date | null;
  termMonths: number;
}

/** The status as of `now`: an ACTIVE license past its expiry reads as EXPIRED, job or no job. */
export const effectiveStatus = (
  license: Pick<LicenseTimeline, "status" | "expiresAt">,
  now: Date,
): LicenseStatus =>
  license.status === "ACTIVE" && license.expiresAt !== null && license.expiresAt.getTime() <= now.getTime()
    ? "EXPIRED"
    : license.status;

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
        patch: { status: "ACTIVE", expiresAt: renewedExpiry(license, now), renewedAt: now },
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

/** Reminder points before expiry, in days. */
const REMINDER_DAYS = [30, 7, 1] as const;

/**
 * The reminder due at `now` for a license expiring at `expiresAt`: the nearest point already
 * reached (6 days left: the 7-day one). A point skipped while the sweep was down is not sent
 * late once a nearer one is due; the database records each (license, expiry, point) once.
 */
export const dueReminder = (expiresAt: Date, now: Date): number | null => {
  const remainingMs = expiresAt.getTime() - now.getTime();
  if (remainingMs <= 0) return null;
  const reached = REMINDER_DAYS.filter((days) => remainingMs <= days * 86_400_000);
  return reached.length ? Math.min(...reached) : null;
};
