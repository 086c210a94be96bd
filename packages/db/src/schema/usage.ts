import { sql } from "drizzle-orm";
import {
  bigint,
  date,
  index,
  integer,
  pgEnum,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
  unique,
  uuid,
} from "drizzle-orm/pg-core";
import { id } from "./_columns.ts";
import { licenses } from "./licenses.ts";

export const usageMetric = pgEnum("usage_metric", ["ACTIVE_USERS", "COURSES", "API_CALLS", "STORAGE_BYTES"]);

/**
 * Raw events as reported, kept 90 days for audit. In the database the table is partitioned
 * by range of `occurred_at`, one partition per UTC month (`usage_events_2026_11`) plus a
 * default one (migration 0019, kept ahead by `usage/partitions.ts`): retention drops whole
 * months instead of deleting rows. Drizzle cannot declare partitioning, so this describes
 * only what queries see; drizzle-kit diffs against this and the snapshot, never the database,
 * so it does not try to undo it. A partitioned table's unique keys must contain the
 * partition key: hence the (id, occurred_at) primary key, and idempotency lives in
 * `usage_event_keys`.
 */
export const usageEvents = pgTable(
  "usage_events",
  {
    id: uuid().notNull().defaultRandom(),
    organizationId: uuid().notNull(),
    licenseId: uuid()
      .notNull()
      .references(() => licenses.id, { onDelete: "cascade" }),
    metric: usageMetric().notNull(),
    value: bigint({ mode: "number" }).notNull(),
    occurredAt: timestamp({ withTimezone: true }).notNull(),
    idempotencyKey: text().notNull(),
    apiKeyId: uuid(),
    receivedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    primaryKey({ name: "usage_events_pkey", columns: [table.id, table.occurredAt] }),
    index("usage_events_by_received_for_pruning").on(table.receivedAt),
    index("usage_events_by_license_time").on(table.licenseId, table.occurredAt),
  ],
);

/**
 * What makes a retried event count once, across months: one row per (organization,
 * idempotency key), inserted in the event's statement before the event (`on conflict do
 * nothing` decides), pointing at the event it let in. Pruned with the events.
 */
export const usageEventKeys = pgTable(
  "usage_event_keys",
  {
    organizationId: uuid().notNull(),
    idempotencyKey: text().notNull(),
    licenseId: uuid()
      .notNull()
      .references(() => licenses.id, { onDelete: "cascade" }),
    /** The kept event's occurred time: the partition it lives in, so a dropped month drops its keys. */
    occurredAt: timestamp({ withTimezone: true }).notNull(),
    eventId: uuid().notNull(),
  },
  (table) => [
    primaryKey({ name: "usage_event_keys_pk", columns: [table.organizationId, table.idempotencyKey] }),
    index("usage_event_keys_by_occurred").on(table.occurredAt),
  ],
);

/**
 * One row per license × metric × UTC day: counters hold the day's sum, gauges the latest
 * value of the day (by occurred time). Updated in the event's transaction.
 */
export const usageDaily = pgTable(
  "usage_daily",
  {
    licenseId: uuid()
      .notNull()
      .references(() => licenses.id, { onDelete: "cascade" }),
    organizationId: uuid().notNull(),
    metric: usageMetric().notNull(),
    day: date({ mode: "string" }).notNull(),
    value: bigint({ mode: "number" }).notNull(),
    /** Gauges: when the value counted was measured, so a late event never overwrites a newer one. */
    lastOccurredAt: timestamp({ withTimezone: true }).notNull(),
    events: integer().notNull().default(0),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    primaryKey({ name: "usage_daily_pk", columns: [table.licenseId, table.metric, table.day] }),
    index("usage_daily_by_organization_day").on(table.organizationId, table.day),
    index("usage_daily_by_metric_day").on(table.metric, table.day),
  ],
);

/**
 * One row per license × metric × UTC month, for trends over many months without reading
 * every day: counters hold the month's sum, gauges the highest level reported in the month.
 * Updated in the event's transaction, beside the daily rollup.
 */
export const usageMonthly = pgTable(
  "usage_monthly",
  {
    licenseId: uuid()
      .notNull()
      .references(() => licenses.id, { onDelete: "cascade" }),
    organizationId: uuid().notNull(),
    metric: usageMetric().notNull(),
    /** The first day of the month. */
    month: date({ mode: "string" }).notNull(),
    value: bigint({ mode: "number" }).notNull(),
    /**
     * What the last write added to `value` (a counter's batch sum; a gauge's rise of its
     * peak, else 0), computed under the row lock so the platform rollup can add it.
     */
    lastChange: bigint({ mode: "number" }).notNull().default(0),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    primaryKey({ name: "usage_monthly_pk", columns: [table.licenseId, table.metric, table.month] }),
    index("usage_monthly_by_month").on(table.month),
  ],
);

/**
 * Each license's latest gauge level (by occurred time, like the daily rollup), so "usage
 * now" for every license is one index scan instead of a lookup per license × gauge.
 * Updated in the event's transaction.
 */
export const usageLatest = pgTable(
  "usage_latest",
  {
    licenseId: uuid()
      .notNull()
      .references(() => licenses.id, { onDelete: "cascade" }),
    metric: usageMetric().notNull(),
    value: bigint({ mode: "number" }).notNull(),
    occurredAt: timestamp({ withTimezone: true }).notNull(),
  },
  (table) => [primaryKey({ name: "usage_latest_pk", columns: [table.licenseId, table.metric] })],
);

/**
 * Platform-wide usage per metric × month: the sum over licenses of `usage_monthly`, kept by
 * adding each write's `last_change`. Spread over a few shards (by license) so concurrent
 * batches of different licenses do not queue on one row; readers sum the shards.
 */
export const usagePlatformMonthly = pgTable(
  "usage_platform_monthly",
  {
    metric: usageMetric().notNull(),
    month: date({ mode: "string" }).notNull(),
    shard: smallint().notNull(),
    value: bigint({ mode: "number" }).notNull(),
  },
  (table) => [
    primaryKey({ name: "usage_platform_monthly_pk", columns: [table.metric, table.month, table.shard] }),
  ],
);

/** A limit crossed: once per license × metric × threshold × period (UTC month). */
export const usageAlerts = pgTable(
  "usage_alerts",
  {
    id: id(),
    licenseId: uuid()
      .notNull()
      .references(() => licenses.id, { onDelete: "cascade" }),
    organizationId: uuid().notNull(),
    metric: usageMetric().notNull(),
    threshold: integer().notNull(),
    period: text().notNull(),
    used: bigint({ mode: "number" }).notNull(),
    limit: bigint({ mode: "number" }).notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    acknowledgedAt: timestamp({ withTimezone: true }),
    acknowledgedBy: text(),
  },
  (table) => [
    unique("usage_alerts_once").on(table.licenseId, table.metric, table.threshold, table.period),
    index("usage_alerts_by_organization_time").on(table.organizationId, table.createdAt),
    index("usage_alerts_unacknowledged").on(table.createdAt).where(sql`${table.acknowledgedAt} is null`),
  ],
);

/**
 * A forecast that a metric will reach 80 % or 100 % of its limit (`reaches_on`), raised by the
 * `usage-forecast-alerts` job once per license × metric × threshold × period (UTC month).
 */
export const usageForecastAlerts = pgTable(
  "usage_forecast_alerts",
  {
    id: id(),
    licenseId: uuid()
      .notNull()
      .references(() => licenses.id, { onDelete: "cascade" }),
    organizationId: uuid().notNull(),
    metric: usageMetric().notNull(),
    threshold: integer().notNull(),
    period: text().notNull(),
    reachesOn: date({ mode: "string" }).notNull(),
    used: bigint({ mode: "number" }).notNull(),
    limit: bigint({ mode: "number" }).notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    unique("usage_forecast_alerts_once").on(table.licenseId, table.metric, table.threshold, table.period),
  ],
);
