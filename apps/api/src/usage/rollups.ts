import type { Transaction } from "@tessera/db";
import { METRIC_KIND, METRICS, type Metric } from "@tessera/domain";
import { type SQL, sql } from "drizzle-orm";
import { firstRow, parsedJson } from "../raw-rows.ts";

/** A usage event to book, stamped with its occurred time. */
interface EventToBook {
  metric: Metric;
  value: number;
  occurredAt: Date;
  idempotencyKey: string;
}

/** Where a batch is booked: the license, by whom, at `now`. */
interface BookingTarget {
  licenseId: string;
  organizationId: string;
  apiKeyId: string | null;
  now: Date;
}

/** A license month a batch touched, as it reads after the batch. */
export interface TouchedMonth {
  metric: Metric;
  /** The first day of the month (YYYY-MM-01). */
  month: string;
  value: number;
}

/** A gauge's latest level after the batch. */
interface LatestGauge {
  metric: Metric;
  value: number;
  occurredAt: string;
}

export interface Booking {
  accepted: number;
  months: TouchedMonth[];
  latest: LatestGauge[];
}

const COUNTERS = METRICS.filter((metric) => METRIC_KIND[metric] === "COUNTER");
const isCounter = (column: SQL): SQL =>
  sql`${column} in (${sql.join(
    COUNTERS.map((metric) => sql`${metric}::usage_metric`),
    sql`, `,
  )})`;

/** Platform rows a license writes to: spread so that batches of different licenses rarely share one. */
const PLATFORM_SHARDS = 16;
const shardOf = (licenseId: string): number => Number.parseInt(licenseId.slice(-4), 16) % PLATFORM_SHARDS;

/**
 * The batch's events, deduplicated by idempotency key (the first wins, as the unique
 * constraint would); each key claimed in `usage_event_keys` (its primary key decides, whatever
 * month a retry says the event occurred in: `usage_events` is partitioned by month, so it
 * cannot hold that unique key itself); the events whose key was claimed inserted; then,
 * from what was really inserted, the daily, monthly, latest-gauge and platform rollups — one statement, whatever the batch's size. The
 * keys and each rollup's rows go in key order so concurrent batches lock shared rows in
 * the same order: two retries inserting the same idempotency keys in their own orders
 * would each wait on the other's uncommitted key (a deadlock PostgreSQL broke by failing one).
 *
 * Daily: counters add, gauges keep the latest by occurred time (a late event never
 * overwrites a newer one). Monthly: counters add, gauges keep the highest level, and
 * `last_change` records what this write added, under the row lock, which the platform
 * month then adds. Latest: each gauge's newest level.
 */
const bookingStatement = (target: BookingTarget, events: EventToBook[]): SQL => {
  const input = JSON.stringify(
    events.map((event, n) => ({
      metric: event.metric,
      value: event.value,
      occurred_at: event.occurredAt.toISOString(),
      idempotency_key: event.idempotencyKey,
      n,
    })),
  );
  const { licenseId, organizationId, apiKeyId, now } = target;
  const at = now.toISOString();
  return sql`
    with input as (
      select distinct on (idempotency_key) * from json_to_recordset(${input}::json)
        as e(metric usage_metric, value bigint, occurred_at timestamptz, idempotency_key text, n int)
      order by idempotency_key, n
    ),
    claimed as (
      insert into usage_event_keys (organization_id, idempotency_key, license_id, occurred_at, event_id)
      select ${organizationId}::uuid, idempotency_key, ${licenseId}::uuid, occurred_at, gen_random_uuid()
      from input order by idempotency_key
      on conflict (organization_id, idempotency_key) do nothing
      returning idempotency_key, event_id
    ),
    inserted as (
      insert into usage_events (id, organization_id, license_id, metric, value, occurred_at, idempotency_key, api_key_id, received_at)
      select claimed.event_id, ${organizationId}::uuid, ${licenseId}::uuid, metric, value, occurred_at, idempotency_key, ${apiKeyId}::uuid, ${at}::timestamptz
      from claimed join input using (idempotency_key) order by idempotency_key
      returning idempotency_key
    ),
    booked as (
      select input.metric, input.value, input.occurred_at, input.n,
             (input.occurred_at at time zone 'UTC')::date as day,
             date_trunc('month', input.occurred_at at time zone 'UTC')::date as month
      from inserted join input using (idempotency_key)
    ),
    daily as (
      insert into usage_daily as d (license_id, organization_id, metric, day, value, last_occurred_at, events, updated_at)
      select ${licenseId}::uuid, ${organizationId}::uuid, metric, day,
             case when ${isCounter(sql`metric`)} then sum(value)
                  else (array_agg(value order by occurred_at desc, n desc))[1] end,
             max(occurred_at), count(*), ${at}::timestamptz
      from booked group by metric, day order by metric, day
      on conflict (license_id, metric, day) do update set
        value = case when ${isCounter(sql`d.metric`)} then d.value + excluded.value
                     when excluded.last_occurred_at >= d.last_occurred_at then excluded.value
                     else d.value end,
        last_occurred_at = greatest(d.last_occurred_at, excluded.last_occurred_at),
        events = d.events + excluded.events,
        updated_at = excluded.updated_at
    ),
    monthly as (
      insert into usage_monthly as m (license_id, organization_id, metric, month, value, last_change, updated_at)
      select ${licenseId}::uuid, ${organizationId}::uuid, metric, month,
             case when ${isCounter(sql`metric`)} then sum(value) else max(value) end,
             case when ${isCounter(sql`metric`)} then sum(value) else max(value) end,
             ${at}::timestamptz
      from booked group by metric, month order by metric, month
      on conflict (license_id, metric, month) do update set
        value = case when ${isCounter(sql`m.metric`)} then m.value + excluded.value
                     else greatest(m.value, excluded.value) end,
        last_change = case when ${isCounter(sql`m.metric`)} then excluded.value
                           else greatest(m.value, excluded.value) - m.value end,
        updated_at = excluded.updated_at
      returning metric, month, value, last_change
    ),
    latest as (
      insert into usage_latest as l (license_id, metric, value, occurred_at)
      select distinct on (metric) ${licenseId}::uuid, metric, value, occurred_at
      from booked where not ${isCounter(sql`metric`)}
      order by metric, occurred_at desc, n desc
      on conflict (license_id, metric) do update set
        value = case when excluded.occurred_at >= l.occurred_at then excluded.value else l.value end,
        occurred_at = greatest(l.occurred_at, excluded.occurred_at)
      returning metric, value, occurred_at
    ),
    platform as (
      insert into usage_platform_monthly as p (metric, month, shard, value)
      select metric, month, ${shardOf(licenseId)}, last_change
      from monthly where last_change <> 0 order by metric, month
      on conflict (metric, month, shard) do update set value = p.value + excluded.value
    )
    select (select count(*) from booked)::int as accepted,
           (select coalesce(json_agg(json_build_object('metric', metric, 'month', month, 'value', value)), '[]') from monthly) as months,
           (select coalesce(json_agg(json_build_object('metric', metric, 'value', value, 'occurredAt', occurred_at)), '[]') from latest) as latest`;
};

/** Book a batch and its rollups in one statement; what it accepted and the rollups it touched. */
export const bookEvents = async (
  tx: Transaction,
  target: BookingTarget,
  events: EventToBook[],
): Promise<Booking> => {
  if (events.length === 0) return { accepted: 0, months: [], latest: [] };
  const result = await tx.execute<{ accepted: number; months: unknown; latest: unknown }>(
    bookingStatement(target, events),
  );
  const row = firstRow<{ accepted: number; months: unknown; latest: unknown }>(result);
  return {
    accepted: Number(row?.accepted ?? 0),
    months: parsedJson<TouchedMonth[]>(row?.months ?? []).map((month) => ({
      ...month,
      value: Number(month.value),
    })),
    latest: parsedJson<LatestGauge[]>(row?.latest ?? []).map((gauge) => ({
      ...gauge,
      value: Number(gauge.value),
    })),
  };
};
