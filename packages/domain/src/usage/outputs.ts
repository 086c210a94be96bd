import { z } from "zod";
import { LimitsOutput } from "../licenses/outputs.ts";
import { METRICS, TIERS } from "../licenses/tiers.ts";
import { USAGE_STATS_STATUSES } from "./inputs.ts";

/** What ingestion answers, once the events are committed. */
export const IngestOutput = z.object({
  accepted: z.number().int().describe("events recorded now"),
  duplicates: z.number().int().describe("events whose idempotency key was seen before: counted once already"),
  alerts: z.array(
    z.object({
      metric: z.string(),
      threshold: z.number(),
      period: z.string(),
      used: z.number(),
      limit: z.number(),
    }),
  ),
});

/** One value per metric (every metric present). */
const perMetric = <T extends z.ZodType>(value: T) =>
  z.object({ ACTIVE_USERS: value, COURSES: value, API_CALLS: value, STORAGE_BYTES: value });

const Period = z.string().describe("the calendar month (UTC) the usage counts in, e.g. 2026-11");
const LicenseIdOrNone = z.uuid().nullable().describe("the license in force; null when there is none");
const UsageNumbers = perMetric(z.number().int());

export const CurrentUsageOutput = z.object({
  licenseId: LicenseIdOrNone,
  period: Period,
  usage: UsageNumbers.describe(
    "API_CALLS this month; gauges (users, courses, storage) at their latest level",
  ),
});

const LimitCheckOutput = z.object({
  used: z.number().int(),
  limit: z.number().int().nullable().describe("null: unlimited"),
  percent: z.number().int().nullable().describe("whole percent of the limit used; null when unlimited"),
  status: z.enum(["OK", "WARNING", "EXCEEDED"]).describe("WARNING from 80 %, EXCEEDED from 100 %"),
});

const Projection = z.object({
  at: z.date(),
  value: z.number().int(),
  low: z.number().int().describe("the 95 % band's lower edge"),
  high: z.number().int().describe("the 95 % band's upper edge"),
});

const Reach = z
  .object({
    on: z.string().describe("YYYY-MM-DD (UTC): the day the trend reaches the threshold"),
    earliest: z.string().describe("the day the 95 % band's upper edge reaches it"),
    latest: z.string().nullable().describe("the day its lower edge reaches it; null: not before the horizon"),
  })
  .nullable()
  .describe("null when unlimited, already reached, not rising, or not before the period end / renewal");

const ForecastMethod = z
  .enum(["LINEAR_TREND", "RUN_RATE"])
  .describe("gauges: least squares over the last 30 days; counters: the month-to-date run rate");

/** A metric's forecast, or why there is none yet (one component in the OpenAPI document, used 12 times). */
const UsageForecastOutput = z
  .discriminatedUnion("status", [
    z.object({
      status: z.literal("INSUFFICIENT_DATA"),
      method: ForecastMethod,
      points: z
        .number()
        .int()
        .describe("daily values in the last 30 days (gauges) or whole days into the month"),
      needed: z.number().int(),
    }),
    z.object({
      status: z.literal("FORECAST"),
      method: ForecastMethod,
      trend: z.enum(["RISING", "FLAT", "FALLING"]),
      current: z.number(),
      perDay: z.number(),
      periodEnd: Projection.describe("at the end of this month (UTC)"),
      renewal: Projection.nullable().describe("when the license expires or renews; null without an expiry"),
      reaches80: Reach,
      reaches100: Reach,
    }),
  ])
  .meta({ id: "UsageForecast" });

export const UsageLimitsOutput = z.object({
  licenseId: LicenseIdOrNone,
  tier: z.enum(TIERS).nullable(),
  period: Period,
  metrics: perMetric(LimitCheckOutput),
  forecasts: perMetric(UsageForecastOutput).nullable().describe("null when there is no license in force"),
});

const DayValue = z.object({ day: z.string().describe("YYYY-MM-DD (UTC)"), value: z.number().int() });

export const UsageReportOutput = z.object({
  from: z.string().describe("first day, YYYY-MM-DD (UTC)"),
  to: z.string().describe("last day, inclusive"),
  days: z.array(z.string()),
  series: perMetric(z.array(DayValue)).describe("per metric, the days that have data"),
  totals: UsageNumbers.describe("counters: the sum; gauges: the last value"),
  peaks: perMetric(DayValue.nullable()).describe("the highest day; null without data"),
  limits: LimitsOutput.nullable().describe("the license in force's limits; null when there is none"),
});

/** A usage alert: a metric crossed 80 % or 100 % of its limit in a period. */
export const UsageAlertOutput = z.object({
  id: z.uuid(),
  licenseId: z.uuid(),
  organizationId: z.uuid(),
  metric: z.enum(METRICS),
  threshold: z.number().int().describe("percent of the limit crossed: 80 or 100"),
  period: Period,
  used: z.number().int(),
  limit: z.number().int(),
  createdAt: z.date(),
  acknowledgedAt: z.date().nullable(),
  acknowledgedBy: z.string().nullable().describe("who acknowledged: a user's email or api-key:<prefix>"),
});

export const UsageAlertPageOutput = z.object({
  items: z.array(UsageAlertOutput.extend({ organizationName: z.string() })),
  nextCursor: z.string().nullable(),
});

const StatsEntry = z.object({
  organizationId: z.uuid(),
  organizationName: z.string(),
  licenseId: z.uuid(),
  tier: z.enum(TIERS),
  usage: UsageNumbers,
  checks: perMetric(LimitCheckOutput),
  worstPercent: z.number().int().describe("the highest percent of any metric"),
  worstStatus: z.enum(["OK", "WARNING", "EXCEEDED"]),
  forecasts: perMetric(UsageForecastOutput),
});

const Consumer = z.object({ organizationId: z.uuid(), organizationName: z.string(), used: z.number().int() });

export const UsageStatsOutput = z.object({
  period: Period,
  organizations: z
    .object({
      items: z.array(StatsEntry),
      page: z.number().int(),
      pageSize: z.number().int(),
      total: z.number().int(),
      pageCount: z.number().int(),
    })
    .describe(
      `licenses in force, closest to a limit first (status filter: ${USAGE_STATS_STATUSES.join(", ")})`,
    ),
  atRisk: z.object({
    total: z.number().int(),
    warning: z.number().int(),
    first: z.array(StatsEntry).describe("the `top` closest to a limit"),
  }),
  topConsumers: perMetric(z.array(Consumer)).describe("the `top` largest users of each metric"),
});
