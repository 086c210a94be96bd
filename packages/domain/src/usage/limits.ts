const WARNING_PERCENT = 80;
const EXCEEDED_PERCENT = 100;
const ALERT_THRESHOLDS = [WARNING_PERCENT, EXCEEDED_PERCENT] as const;
type AlertThreshold = (typeof ALERT_THRESHOLDS)[number];

export type LimitStatus = "OK" | "WARNING" | "EXCEEDED";

export interface LimitCheck {
  used: number;
  limit: number | null;
  /** Whole percent of the limit used; null for an unlimited metric. */
  percent: number | null;
  status: LimitStatus;
}

/** Where usage stands against a limit: WARNING from 80 %, EXCEEDED from 100 %. Unlimited is always OK. */
export const limitStatus = (used: number, limit: number | null): LimitCheck => {
  if (limit === null) return { used, limit, percent: null, status: "OK" };
  const ratio = limit === 0 ? (used > 0 ? Number.POSITIVE_INFINITY : 0) : used / limit;
  const percent = Number.isFinite(ratio) ? Math.floor(ratio * 100) : 100;
  const status: LimitStatus = ratio >= 1 ? "EXCEEDED" : ratio >= WARNING_PERCENT / 100 ? "WARNING" : "OK";
  return { used, limit, percent, status };
};

/** The alert thresholds that `used` has reached against `limit` (none for unlimited). */
export const thresholdsReached = (used: number, limit: number | null): AlertThreshold[] =>
  limit === null
    ? []
    : ALERT_THRESHOLDS.filter((threshold) => used * 100 >= threshold * limit && (limit > 0 || used > 0));
