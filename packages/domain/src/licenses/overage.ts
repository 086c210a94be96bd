import { z } from "zod";
import { METRIC_KIND, periodStart } from "../usage/metrics.ts";
import { METRICS, type Metric, type OveragePolicy } from "./tiers.ts";

const DAY_MS = 86_400_000;
const MAX_TOLERANCE_PERCENT = 100;
const MAX_GRACE_DAYS = 90;

/** The warning a validation carries while use is past a limit but inside its tolerance and grace. */
export const OVER_LIMIT_GRACE = "OVER_LIMIT_GRACE";

export const OveragePolicyInput = z.object({
  tolerancePercent: z
    .number()
    .int({ message: "must be a whole percent" })
    .min(0, { message: "must be at least 0 %" })
    .max(MAX_TOLERANCE_PERCENT, { message: `must be at most ${MAX_TOLERANCE_PERCENT} %` }),
  graceDays: z
    .number()
    .int({ message: "must be a whole number of days" })
    .min(0, { message: "must be at least 0 days" })
    .max(MAX_GRACE_DAYS, { message: `must be at most ${MAX_GRACE_DAYS} days` }),
});

/** CUSTOM only: per metric, the tolerance and grace replacing the tier's defaults. */
export const OverageOverridesInput = z
  .object({
    ACTIVE_USERS: OveragePolicyInput.optional(),
    COURSES: OveragePolicyInput.optional(),
    API_CALLS: OveragePolicyInput.optional(),
    STORAGE_BYTES: OveragePolicyInput.optional(),
  })
  // A named component of the OpenAPI document, referred to by every body that takes it.
  .meta({ id: "OverageOverrides" });

/** When usage first passed each metric's limit (absent: not over, or not recorded yet). */
export type OverSince = Partial<Record<Metric, Date>>;

/**
 * The recorded overSince per metric as it counts at `now`: a counter restarts each UTC month,
 * so a record from an earlier month (not cleared yet, as nothing was booked since) is ignored.
 */
export const overSinceAt = (
  recorded: Partial<Record<Metric, string | Date>> | null,
  now: Date,
): OverSince => {
  const monthStart = periodStart(now).getTime();
  const result: OverSince = {};
  for (const metric of METRICS) {
    const value = recorded?.[metric];
    if (value === undefined) continue;
    const since = new Date(value);
    if (METRIC_KIND[metric] === "GAUGE" || since.getTime() >= monthStart) result[metric] = since;
  }
  return result;
};

export interface LimitVerdict {
  code: "VALID" | "OVER_LIMIT";
  warning: typeof OVER_LIMIT_GRACE | null;
  /** While in grace: when enforcement starts. */
  graceEndsAt: Date | null;
}

const WITHIN: LimitVerdict = { code: "VALID", warning: null, graceEndsAt: null };

/**
 * Use `used` against `limit` at `now`: within the limit is VALID; past it, up to the
 * tolerance and before the grace ends, VALID with a warning and the grace's end; beyond the
 * tolerance or after the grace, OVER_LIMIT. Grace runs from `overSince`, or from `now` when
 * usage has not been recorded past the limit yet (this very use would be the first).
 */
export const limitVerdict = (
  used: number,
  limit: number | null,
  policy: OveragePolicy,
  overSince: Date | null,
  now: Date,
): LimitVerdict => {
  if (limit === null || used <= limit) return WITHIN;
  const withinTolerance = used * 100 <= limit * (100 + policy.tolerancePercent);
  const graceEndsAt = new Date((overSince ?? now).getTime() + policy.graceDays * DAY_MS);
  if (withinTolerance && now.getTime() < graceEndsAt.getTime()) {
    return { code: "VALID", warning: OVER_LIMIT_GRACE, graceEndsAt };
  }
  return { code: "OVER_LIMIT", warning: null, graceEndsAt: null };
};
