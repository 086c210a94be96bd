import {
  AlertId,
  checkRangeNotFuture,
  IngestOutput,
  OrganizationId,
  OwnUsageReportInput,
  TrackUsageBatchInput,
  TrackUsageInput,
  TrendInput,
  UsageAlertsInput,
  UsageReportInput,
  UsageStatsInput,
} from "@tessera/domain";
import type { TRPCRouterRecord } from "@trpc/server";
import { serviceContext } from "../context.ts";
import { onReplica } from "../replica/read-db.ts";
import { apiKey, customer, staff } from "../trpc.ts";
import { acknowledgeAlert, getUsageAlerts } from "./alerts.ts";
import { countIngested, ingestUsage } from "./ingest.ts";
import { usageReportTableCsv } from "./usage-csv.ts";
import { getUsageMonths } from "./usage-months.ts";
import { checkLimits, getCurrentUsage, getUsageReport } from "./usage-report.ts";
import { getUsageStats, getUsageTrend } from "./usage-stats.ts";

export const usageRouter = {
  /** The platform reports usage with an organisation key that has `usage:write`. */
  track: apiKey("usage:write")
    .input(TrackUsageInput)
    .output(IngestOutput)
    .mutation(async ({ ctx, input }) =>
      countIngested(
        ctx,
        await ingestUsage(serviceContext(ctx), ctx.organizationId, [input], { apiKeyId: ctx.apiKey.id }),
      ),
    ),
  trackBatch: apiKey("usage:write")
    .input(TrackUsageBatchInput)
    .output(IngestOutput)
    .mutation(async ({ ctx, input }) =>
      countIngested(
        ctx,
        await ingestUsage(serviceContext(ctx), ctx.organizationId, input.events, {
          apiKeyId: ctx.apiKey.id,
          fieldPrefix: (index) => `events.${index}.`,
        }),
      ),
    ),

  current: staff()
    .input(OrganizationId)
    .query(({ ctx, input }) => getCurrentUsage(serviceContext(ctx), input.organizationId)),
  limits: staff()
    .input(OrganizationId)
    .query(({ ctx, input }) => checkLimits(serviceContext(ctx), input.organizationId)),
  report: staff()
    .input(UsageReportInput)
    .query(({ ctx, input }) =>
      onReplica(ctx, (service) => getUsageReport(service, input.organizationId, input)),
    ),
  reportCsv: staff()
    .input(UsageReportInput)
    .query(async ({ ctx, input }) =>
      usageReportTableCsv(
        await onReplica(ctx, (service) => getUsageReport(service, input.organizationId, input)),
      ),
    ),
  stats: staff()
    .input(UsageStatsInput)
    .query(({ ctx, input }) => onReplica(ctx, (service) => getUsageStats(service, input))),
  trend: staff()
    .input(TrendInput)
    .query(({ ctx, input }) => onReplica(ctx, (service) => getUsageTrend(service, input.months))),
  alerts: staff()
    .input(UsageAlertsInput)
    .query(({ ctx, input }) => getUsageAlerts(serviceContext(ctx), input, null)),
  acknowledgeAlert: staff("ADMIN", "SUPPORT")
    .input(AlertId)
    .mutation(({ ctx, input }) => acknowledgeAlert(serviceContext(ctx), input.alertId, null)),

  /** The signed-in customer's own organisation. */
  myCurrent: customer().query(({ ctx }) => getCurrentUsage(serviceContext(ctx), ctx.organizationId)),
  myLimits: customer().query(({ ctx }) => checkLimits(serviceContext(ctx), ctx.organizationId)),
  // A customer's range must end by today (UTC): the future has no usage to show.
  myReport: customer()
    .input(OwnUsageReportInput)
    .query(({ ctx, input }) => {
      checkRangeNotFuture(input, ctx.clock.now());
      return onReplica(ctx, (service) => getUsageReport(service, ctx.organizationId, input));
    }),
  myReportCsv: customer()
    .input(OwnUsageReportInput)
    .query(async ({ ctx, input }) => {
      checkRangeNotFuture(input, ctx.clock.now());
      return usageReportTableCsv(
        await onReplica(ctx, (service) => getUsageReport(service, ctx.organizationId, input)),
      );
    }),
  myMonths: customer().query(({ ctx }) =>
    onReplica(ctx, (service) => getUsageMonths(service, ctx.organizationId)),
  ),
  myAlerts: customer()
    .input(UsageAlertsInput)
    .query(({ ctx, input }) => getUsageAlerts(serviceContext(ctx), input, ctx.organizationId)),
  acknowledgeMyAlert: customer("OWNER", "ADMIN")
    .input(AlertId)
    .mutation(({ ctx, input }) => acknowledgeAlert(serviceContext(ctx), input.alertId, ctx.organizationId)),
} satisfies TRPCRouterRecord;
