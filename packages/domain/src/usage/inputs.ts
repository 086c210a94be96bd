import { z } from "zod";
import { ApiKeyName, ORGANIZATION_KEY_SCOPES } from "../api-keys/inputs.ts";
import { dateInput } from "../date-input.ts";
import { DomainError } from "../errors.ts";
import { METRICS } from "../licenses/tiers.ts";
import { textInput } from "../text-input.ts";

const MAX_BATCH_EVENTS = 1000;
/**
 * Largest value one event may carry: a trillion API calls or a terabyte is far beyond any
 * real report, and a full batch of them (1e15) stays far below PostgreSQL's bigint.
 */
const MAX_USAGE_VALUE = 1e12;
/** How far ahead of now an event may claim to have happened (clock skew). */
export const MAX_FUTURE_MS = 60 * 60 * 1000;
/** How old an event may be: older months are closed. */
export const MAX_AGE_MS = 35 * 86_400_000;
/** Longest report range. */
const MAX_REPORT_DAYS = 731;

export const UsageEvent = z.object({
  metric: z.enum(METRICS),
  value: z
    .number()
    .int({ message: "must be a whole number" })
    .min(0)
    .max(MAX_USAGE_VALUE, { message: "must be at most 1,000,000,000,000" }),
  occurredAt: dateInput().optional(),
  idempotencyKey: textInput().min(1, { message: "is required" }).max(200),
});
export type UsageEvent = z.input<typeof UsageEvent>;

export const TrackUsageInput = UsageEvent;
export type TrackUsageInput = z.input<typeof TrackUsageInput>;

export const TrackUsageBatchInput = z.object({
  events: z
    .array(UsageEvent)
    .min(1, { message: "send at least one event" })
    .max(MAX_BATCH_EVENTS, { message: `at most ${MAX_BATCH_EVENTS} events per batch` }),
});
export type TrackUsageBatchInput = z.input<typeof TrackUsageBatchInput>;

/** `occurredAt` must fall within [now − 35 days, now + 1 hour]; the error names the field. */
export const checkOccurredAt = (occurredAt: Date, now: Date, field = "occurredAt"): void => {
  if (occurredAt.getTime() > now.getTime() + MAX_FUTURE_MS) {
    throw new DomainError("VALIDATION_FAILED", "must not be more than 1 hour in the future", { field });
  }
  if (occurredAt.getTime() < now.getTime() - MAX_AGE_MS) {
    throw new DomainError("VALIDATION_FAILED", "must not be older than 35 days", { field });
  }
};

export const UsageRange = z
  .object({
    from: dateInput().describe("first day (UTC), a date such as 2026-11-01 or a date-time"),
    to: dateInput().describe("last day (UTC), inclusive; at most 2 years after from"),
  })
  .superRefine((input, ctx) => {
    if (input.to < input.from)
      ctx.addIssue({ code: "custom", path: ["to"], message: "must not be before from" });
    else if (input.to.getTime() - input.from.getTime() > MAX_REPORT_DAYS * 86_400_000) {
      ctx.addIssue({ code: "custom", path: ["to"], message: "the range must be at most 2 years" });
    }
  });

export const UsageReportInput = z.object({ organizationId: z.uuid() }).and(UsageRange);
export type UsageReportInput = z.input<typeof UsageReportInput>;

export const OwnUsageReportInput = UsageRange;
export type OwnUsageReportInput = z.input<typeof OwnUsageReportInput>;

export const UsageAlertsInput = z.object({
  organizationId: z.uuid().optional(),
  acknowledged: z.boolean().optional(),
  page: z.number().int().min(1).default(1),
  pageSize: z.number().int().min(1).max(100).default(25),
});
export type UsageAlertsInput = z.input<typeof UsageAlertsInput>;

export const USAGE_STATS_STATUSES = ["AT_RISK", "WARNING", "EXCEEDED"] as const;

export const UsageStatsInput = z.object({
  page: z.number().int().min(1).default(1),
  pageSize: z.number().int().min(1).max(100).default(25),
  top: z.number().int().min(1).max(50).default(10),
  /** Only organisations at WARNING (worst metric), at EXCEEDED, or either (AT_RISK). */
  status: z.enum(USAGE_STATS_STATUSES).optional(),
});
export type UsageStatsInput = z.input<typeof UsageStatsInput>;

export const AlertId = z.object({ alertId: z.uuid() });
export type AlertId = z.input<typeof AlertId>;

export const CreateOrganizationKeyInput = z.object({
  name: ApiKeyName,
  scopes: z.array(z.enum(ORGANIZATION_KEY_SCOPES)).min(1, { message: "choose at least one scope" }),
  expiresAt: dateInput().optional(),
});
export type CreateOrganizationKeyInput = z.input<typeof CreateOrganizationKeyInput>;
