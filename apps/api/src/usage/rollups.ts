import type { Transaction } from "@tessera/db";
import { usageDaily, usageMonthly } from "@tessera/db/schema";
import { METRIC_KIND, type Metric, usagePeriod, utcDay } from "@tessera/domain";
import { sql } from "drizzle-orm";

/** A usage event as inserted: what the rollups fold. */
export interface BookedEvent {
  metric: Metric;
  value: number;
  occurredAt: Date;
}

export interface DailyRollup {
  metric: Metric;
  day: string;
  value: number;
  at: Date;
  events: number;
}

interface MonthlyRollup {
  metric: Metric;
  month: string;
  value: number;
}

/** Where the rollup rows are written: the license booked against, at `now`. */
interface RollupTarget {
  licenseId: string;
  organizationId: string;
  now: Date;
}

/**
 * Rollup rows in one fixed order, so that concurrent batches lock the rows they share in
 * the same order and cannot deadlock each other.
 */
const inKeyOrder = <T>(rows: Map<string, T>): T[] =>
  [...rows.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, row]) => row);

/** One rollup change per metric × day: counters add, gauges keep the latest. */
export const foldDaily = (events: BookedEvent[]): Map<string, DailyRollup> => {
  const rollups = new Map<string, DailyRollup>();
  for (const event of events) {
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
  return rollups;
};

/** The monthly rollup beside it: counters add, gauges keep the highest level reported. */
const foldMonthly = (events: BookedEvent[]): Map<string, MonthlyRollup> => {
  const monthly = new Map<string, MonthlyRollup>();
  for (const event of events) {
    const month = `${usagePeriod(event.occurredAt)}-01`;
    const key = `${event.metric}|${month}`;
    const current = monthly.get(key);
    if (!current) monthly.set(key, { metric: event.metric, month, value: event.value });
    else if (METRIC_KIND[event.metric] === "COUNTER") current.value += event.value;
    else current.value = Math.max(current.value, event.value);
  }
  return monthly;
};

export const writeDailyRollups = async (
  tx: Transaction,
  target: RollupTarget,
  rollups: Map<string, DailyRollup>,
): Promise<void> => {
  if (rollups.size === 0) return;
  await tx
    .insert(usageDaily)
    .values(
      inKeyOrder(rollups).map((rollup) => ({
        licenseId: target.licenseId,
        organizationId: target.organizationId,
        metric: rollup.metric,
        day: rollup.day,
        value: rollup.value,
        lastOccurredAt: rollup.at,
        events: rollup.events,
        updatedAt: target.now,
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
};

export const writeMonthlyRollups = async (
  tx: Transaction,
  target: RollupTarget,
  events: BookedEvent[],
): Promise<void> => {
  const monthly = foldMonthly(events);
  if (monthly.size === 0) return;
  await tx
    .insert(usageMonthly)
    .values(
      inKeyOrder(monthly).map((rollup) => ({
        licenseId: target.licenseId,
        organizationId: target.organizationId,
        ...rollup,
        updatedAt: target.now,
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
};
