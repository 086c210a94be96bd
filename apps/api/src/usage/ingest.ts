import { NUMERIC_VALUE_OUT_OF_RANGE, sqlState, type Transaction } from "@tessera/db";
import { licenses, usageAlerts, usageDaily, usageEvents, usageMonthly } from "@tessera/db/schema";
import {
  checkOccurredAt,
  DomainError,
  entitlementsFor,
  type Feature,
  IN_FORCE_STATUSES,
  type Limits,
  METRIC_KIND,
  type Metric,
  thresholdsReached,
  type UsageEvent,
  usagePeriod,
  utcDay,
} from "@tessera/domain";
import { desc, eq, sql } from "drizzle-orm";
import type { z } from "zod";
import type { ServiceContext } from "../context.ts";
import { recordEvent } from "../events/record-event.ts";
import { usageInPeriod } from "./current-usage.ts";

type Event = z.output<typeof UsageEvent>;

export interface IngestResult {
  accepted: number;
  duplicates: number;
  alerts: { metric: Metric; threshold: number; period: string; used: number; limit: number }[];
}

/** The license usage is booked against: the one in force, else the latest. */
const licenseForUsage = async (tx: Transaction, organizationId: string) => {
  const rows = await tx
    .select()
    .from(licenses)
    .where(eq(licenses.organizationId, organizationId))
    .orderBy(desc(licenses.createdAt))
    .limit(20);
  const license =
    rows.find((row) => (IN_FORCE_STATUSES as readonly string[]).includes(row.status)) ?? rows[0];
  if (!license) {
    throw new DomainError("LICENSE_REQUIRED", "This organisation has no license to book usage against", {
      field: "organizationId",
    });
  }
  return license;
};

/**
 * Record usage events, all or nothing, and acknowledge only after commit. An idempotency key
 * seen before (in this batch, an earlier one or a racing retry) counts once: the unique
 * constraint decides. Daily rollups and alerts change in the same transaction.
 */
/**
 * Rollup rows in one fixed order, so that concurrent batches lock the rows they share in
 * the same order and cannot deadlock each other.
 */
const inKeyOrder = <T>(rows: Map<string, T>): T[] =>
  [...rows.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, row]) => row);

const bookUsage = async (
  ctx: ServiceContext,
  organizationId: string,
  events: Event[],
  options: { apiKeyId?: string | null; fieldPrefix?: (index: number) => string } = {},
): Promise<IngestResult> => {
  const now = ctx.clock.now();
  const stamped = events.map((event, index) => {
    const occurredAt = event.occurredAt ?? now;
    checkOccurredAt(occurredAt, now, `${options.fieldPrefix?.(index) ?? ""}occurredAt`);
    return { ...event, occurredAt };
  });

  const result = await ctx.db.transaction(async (tx) => {
    const license = await licenseForUsage(tx, organizationId);
    const inserted = await tx
      .insert(usageEvents)
      .values(
        stamped.map((event) => ({
          organizationId,
          licenseId: license.id,
          metric: event.metric,
          value: event.value,
          occurredAt: event.occurredAt,
          idempotencyKey: event.idempotencyKey,
          apiKeyId: options.apiKeyId ?? null,
          receivedAt: now,
        })),
      )
      .onConflictDoNothing({ target: [usageEvents.organizationId, usageEvents.idempotencyKey] })
      .returning({
        metric: usageEvents.metric,
        value: usageEvents.value,
        occurredAt: usageEvents.occurredAt,
      });

    // One rollup change per license × metric × day: counters add, gauges keep the latest.
    const rollups = new Map<
      string,
      { metric: Metric; day: string; value: number; at: Date; events: number }
    >();
    for (const event of inserted) {
      const day = utcDay(event.occurredAt);
      const key = `${event.metric}|${day}`;
      const current = rollups.get(key);
      if (!current) {
        rollups.set(key, { metric: event.metric, day, value: event.value, at: event.occurredAt, events: 1 });
      } else if (METRIC_KIND[event.metric] === "COUNTER") {
        current.value += event.value;
        current.events++;
        if (event.occurredAt > current.at) current.at = event.occurredAt;
      } else {
        current.events++;
        if (event.occurredAt >= current.at)
          Object.assign(current, { value: event.value, at: event.occurredAt });
      }
    }
    if (rollups.size > 0) {
      await tx
        .insert(usageDaily)
        .values(
          inKeyOrder(rollups).map((rollup) => ({
            licenseId: license.id,
            organizationId,
            metric: rollup.metric,
            day: rollup.day,
            value: rollup.value,
            lastOccurredAt: rollup.at,
            events: rollup.events,
            updatedAt: now,
          })),
        )
        .onConflictDoUpdate({
          target: [usageDaily.licenseId, usageDaily.metric, usageDaily.day],
          set: {
            value: sql`case when ${usageDaily.metric} = 'API_CALLS' then ${usageDaily.value} + excluded.value
              when excluded.last_occurred_at >= ${usageDaily.lastOccurredAt} then excluded.value
              else ${usageDaily.value} end`,
            lastOccurredAt: sql`greatest(${usageDaily.lastOccurredAt}, excluded.last_occurred_at)`,
            events: sql`${usageDaily.events} + excluded.events`,
            updatedAt: sql`excluded.updated_at`,
          },
        });
    }

    // The monthly rollup beside it: counters add, gauges keep the highest level reported.
    const monthly = new Map<string, { metric: Metric; month: string; value: number }>();
    for (const event of inserted) {
      const month = `${usagePeriod(event.occurredAt)}-01`;
      const key = `${event.metric}|${month}`;
      const current = monthly.get(key);
      if (!current) monthly.set(key, { metric: event.metric, month, value: event.value });
      else if (METRIC_KIND[event.metric] === "COUNTER") current.value += event.value;
      else current.value = Math.max(current.value, event.value);
    }
    if (monthly.size > 0) {
      await tx
        .insert(usageMonthly)
        .values(
          inKeyOrder(monthly).map((rollup) => ({
            licenseId: license.id,
            organizationId,
            ...rollup,
            updatedAt: now,
          })),
        )
        .onConflictDoUpdate({
          target: [usageMonthly.licenseId, usageMonthly.metric, usageMonthly.month],
          set: {
            value: sql`case when ${usageMonthly.metric} = 'API_CALLS' then ${usageMonthly.value} + excluded.value
              else greatest(${usageMonthly.value}, excluded.value) end`,
            updatedAt: sql`excluded.updated_at`,
          },
        });
    }

    // Alerts for each metric and period this batch touched, once per threshold.
    const entitlements = entitlementsFor({
      tier: license.tier,
      customLimits: license.customLimits as Limits | null,
      customFeatures: license.customFeatures as Feature[] | null,
    });
    const touched = new Map<string, { metric: Metric; at: Date }>();
    for (const rollup of rollups.values()) touched.set(`${rollup.metric}|${usagePeriod(rollup.at)}`, rollup);
    const alerts: IngestResult["alerts"] = [];
    const usageByPeriod = new Map<string, Record<Metric, number>>();
    for (const { metric, at } of touched.values()) {
      const limit = entitlements.limits[metric];
      if (limit === null) continue;
      const period = usagePeriod(at);
      let usage = usageByPeriod.get(period);
      if (!usage) {
        usage = await usageInPeriod(tx, license.id, at);
        usageByPeriod.set(period, usage);
      }
      const used = usage[metric];
      const reached = thresholdsReached(used, limit);
      if (reached.length === 0) continue;
      const created = await tx
        .insert(usageAlerts)
        .values(
          reached.map((threshold) => ({
            licenseId: license.id,
            organizationId,
            metric,
            threshold,
            period,
            used,
            limit,
            createdAt: now,
          })),
        )
        .onConflictDoNothing({
          target: [usageAlerts.licenseId, usageAlerts.metric, usageAlerts.threshold, usageAlerts.period],
        })
        .returning({ id: usageAlerts.id, threshold: usageAlerts.threshold });
      for (const alert of created) {
        alerts.push({ metric, threshold: alert.threshold, period, used, limit });
        await recordEvent(tx, ctx, {
          action: "usage.alert_raised",
          organizationId,
          targetType: "usage_alert",
          targetId: alert.id,
          after: { metric, threshold: alert.threshold, period, used, limit },
        });
      }
    }
    return { accepted: inserted.length, duplicates: stamped.length - inserted.length, alerts };
  });
  return result;
};

/**
 * `bookUsage`, with a rollup pushed past bigint's largest value refused as bad input: its
 * transaction has rolled back, so nothing of the batch is kept.
 */
export const ingestUsage = (...args: Parameters<typeof bookUsage>): Promise<IngestResult> =>
  bookUsage(...args).catch((error: unknown) => {
    if (sqlState(error) !== NUMERIC_VALUE_OUT_OF_RANGE) throw error;
    throw new DomainError("VALIDATION_FAILED", "would push a usage total past its largest value", {
      field: args[3]?.fieldPrefix ? "events" : "value",
    });
  });

/** Raw events are audit material for 90 days, then go; rollups stay. */
export const pruneUsageEvents = async (ctx: Pick<ServiceContext, "db">, now: Date): Promise<number> => {
  const cutoff = new Date(now.getTime() - 90 * 86_400_000);
  const deleted = await ctx.db
    .delete(usageEvents)
    .where(sql`${usageEvents.receivedAt} < ${cutoff.toISOString()}::timestamptz`)
    .returning({ id: usageEvents.id });
  return deleted.length;
};
