import type { LicenseStatus } from "./lifecycle.ts";
import { type LimitVerdict, limitVerdict, type OverSince } from "./overage.ts";
import type { Entitlements, Feature, Metric } from "./tiers.ts";

export const VALIDATION_CODES = [
  "VALID",
  "NOT_FOUND",
  "NOT_ACTIVATED",
  "SUSPENDED",
  "EXPIRED",
  "CANCELLED",
  "FEATURE_NOT_ENTITLED",
  "OVER_LIMIT",
] as const;
type ValidationCode = (typeof VALIDATION_CODES)[number];

interface ValidationQuestion {
  feature?: Feature | undefined;
  metric?: Metric | undefined;
  increment?: number | undefined;
}

/** Current use per metric (API calls: this calendar month). Missing metrics count as 0. */
export type UsageSnapshot = Partial<Record<Metric, number>>;

const STATUS_CODES: Record<LicenseStatus, ValidationCode> = {
  PENDING: "NOT_ACTIVATED",
  ACTIVE: "VALID",
  SUSPENDED: "SUSPENDED",
  EXPIRED: "EXPIRED",
  CANCELLED: "CANCELLED",
};

type ValidationVerdict = { code: ValidationCode } & Omit<LimitVerdict, "code">;

const verdict = (code: ValidationCode): ValidationVerdict => ({ code, warning: null, graceEndsAt: null });

/**
 * The verdict on a found license as a value, never a thrown error: status first (given as
 * the effective status at read time), then the feature asked about, then whether adding
 * `increment` to the metric stays within its limit — or past it, within the metric's
 * tolerance and grace (VALID with OVER_LIMIT_GRACE and when the grace ends).
 */
export const validationVerdict = (
  status: LicenseStatus,
  entitlements: Pick<Entitlements, "features" | "limits" | "overage">,
  question: ValidationQuestion,
  usage: UsageSnapshot,
  overSince: OverSince,
  now: Date,
): ValidationVerdict => {
  const byStatus = STATUS_CODES[status];
  if (byStatus !== "VALID") return verdict(byStatus);
  if (question.feature && !entitlements.features.includes(question.feature)) {
    return verdict("FEATURE_NOT_ENTITLED");
  }
  if (question.metric && question.increment !== undefined) {
    const { metric } = question;
    const used = (usage[metric] ?? 0) + question.increment;
    return limitVerdict(
      used,
      entitlements.limits[metric],
      entitlements.overage[metric],
      overSince[metric] ?? null,
      now,
    );
  }
  return verdict("VALID");
};
