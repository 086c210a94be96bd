import type { LicenseStatus } from "./lifecycle.ts";
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

/**
 * The verdict on a found license as a value, never a thrown error: status first (given as
 * the effective status at read time), then the feature asked about, then whether adding
 * `increment` to the metric would pass its limit.
 */
export const validationCode = (
  status: LicenseStatus,
  entitlements: Pick<Entitlements, "features" | "limits">,
  question: ValidationQuestion,
  usage: UsageSnapshot,
): ValidationCode => {
  const byStatus = STATUS_CODES[status];
  if (byStatus !== "VALID") return byStatus;
  if (question.feature && !entitlements.features.includes(question.feature)) return "FEATURE_NOT_ENTITLED";
  if (question.metric && question.increment !== undefined) {
    const limit = entitlements.limits[question.metric];
    if (limit !== null && (usage[question.metric] ?? 0) + question.increment > limit) return "OVER_LIMIT";
  }
  return "VALID";
};
