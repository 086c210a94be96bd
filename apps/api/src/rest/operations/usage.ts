import {
  AlertId,
  CurrentUsageOutput,
  CursorQuery,
  METRICS,
  OrganizationId,
  UsageAlertOutput,
  UsageAlertPageOutput,
  UsageLimitsOutput,
  UsageRange,
  UsageReportOutput,
  UsageStatsInput,
  UsageStatsOutput,
} from "@tessera/domain";
import { z } from "zod";
import { onReplica } from "../../replica/read-db.ts";
import { acknowledgeAlert, listUsageAlerts } from "../../usage/alerts.ts";
import { checkLimits, getCurrentUsage, getUsageReport, usageReportCsv } from "../../usage/usage-report.ts";
import { getUsageStats } from "../../usage/usage-stats.ts";
import { defineOperation } from "../operation.ts";
import { organizationFilter, organizationInScope, QueryBoolean } from "../tenancy.ts";

/**
 * Reading usage: staff service keys for any organisation, an organisation's own key
 * (`usage:read`) for itself only — another organisation's id answers 404.
 */
const read = { service: "usage:read", organization: "usage:read" } as const;
const EXAMPLE_ORGANIZATION = "5f0c7a3e-8a4b-4c1e-9d55-1f0e2b7c9a10";

const currentOperation = defineOperation({
  operationId: "usage.current",
  method: "GET",
  path: "/v1/organizations/{organizationId}/usage",
  tag: "usage",
  summary: "This month's usage of the organisation's license in force (zeros without one)",
  auth: read,
  params: OrganizationId,
  response: CurrentUsageOutput,
  handle: (call, input) => getCurrentUsage(call.service, organizationInScope(call, input.organizationId)),
});

const reportOperation = defineOperation({
  operationId: "usage.report",
  method: "GET",
  path: "/v1/organizations/{organizationId}/usage/report",
  tag: "usage",
  summary: "Daily usage per metric between two days (inclusive, UTC, at most 2 years)",
  description:
    "With `Accept: text/csv` the same report as CSV: a `day,metric,value` header, then one row per day and metric that has data.",
  auth: read,
  params: OrganizationId,
  query: UsageRange,
  response: UsageReportOutput,
  // Written from the report already fetched: one query whichever the media type.
  csv: (report) => usageReportCsv(report),
  example: { from: "2026-11-01", to: "2026-11-30" },
  handle: (call, input) =>
    onReplica(
      call.ctx,
      (service) => getUsageReport(service, organizationInScope(call, input.organizationId), input),
      call.service,
    ),
});

const limitsOperation = defineOperation({
  operationId: "usage.limits",
  method: "GET",
  path: "/v1/organizations/{organizationId}/usage/limits",
  tag: "usage",
  summary: "Each metric's use against the license's limit: OK, WARNING (80 %) or EXCEEDED (100 %)",
  auth: read,
  params: OrganizationId,
  response: UsageLimitsOutput,
  handle: (call, input) => checkLimits(call.service, organizationInScope(call, input.organizationId)),
});

const AlertsQuery = CursorQuery.extend({
  organizationId: z.uuid().optional().describe("staff service keys only; an organisation key sees its own"),
  acknowledged: QueryBoolean.optional(),
  metric: z.enum(METRICS).optional(),
});

const alertsOperation = defineOperation({
  operationId: "usage.alerts",
  method: "GET",
  path: "/v1/usage/alerts",
  tag: "usage",
  summary: "Usage alerts (80 % and 100 % of a limit), newest first, a cursor page at a time",
  auth: read,
  query: AlertsQuery,
  response: UsageAlertPageOutput,
  example: { acknowledged: "false", limit: 25, organizationId: EXAMPLE_ORGANIZATION },
  handle: (call, input) =>
    listUsageAlerts(call.service, {
      ...input,
      organizationId: organizationFilter(call, input.organizationId),
    }),
});

const acknowledgeOperation = defineOperation({
  operationId: "usage.acknowledgeAlert",
  method: "POST",
  path: "/v1/usage/alerts/{alertId}/acknowledge",
  tag: "usage",
  summary: "Acknowledge an alert; acknowledging it again answers it unchanged",
  auth: { service: "usage:write", organization: "usage:write" },
  params: AlertId,
  response: UsageAlertOutput,
  handle: (call, input) => acknowledgeAlert(call.service, input.alertId, call.organizationId),
});

/** Query strings carry text: the same bounds as the console's input, read as numbers. */
const StatsQuery = UsageStatsInput.extend({
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(25),
  top: z.coerce.number().int().min(1).max(50).default(10),
});

const statsOperation = defineOperation({
  operationId: "usage.stats",
  method: "GET",
  path: "/v1/usage/stats",
  tag: "usage",
  summary: "Platform usage this month: organisations closest to a limit, those at risk, top consumers",
  auth: { service: "usage:read" },
  query: StatsQuery,
  response: UsageStatsOutput,
  example: { status: "AT_RISK", top: 5 },
  handle: (call, input) => onReplica(call.ctx, (service) => getUsageStats(service, input), call.service),
});

export const USAGE_OPERATIONS = [
  currentOperation,
  reportOperation,
  limitsOperation,
  alertsOperation,
  acknowledgeOperation,
  statsOperation,
];
