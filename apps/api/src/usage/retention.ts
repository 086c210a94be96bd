import type { Transaction } from "@tessera/db";
import { sql } from "drizzle-orm";
import type { ServiceContext } from "../context.ts";
import { firstRow } from "../raw-rows.ts";
import { existingMonthPartitions, type MonthPartition, PARTITION_LOCK } from "./partitions.ts";

/** Raw events are audit material for 90 days after they were received, then go; rollups stay. */
const RETENTION_MS = 90 * 86_400_000;

/**
 * Detach and drop a month partition whose every event was received before the cutoff, with
 * that month's idempotency keys. Its month ended before the cutoff, so ingestion (which refuses
 * events older than 35 days) can no longer add to it; a late event received after the cutoff
 * keeps the partition, and the row deletion takes the rest. False when it was kept.
 */
const dropIfExpired = async (
  tx: Transaction,
  partition: MonthPartition,
  cutoff: string,
): Promise<boolean> => {
  const name = sql.identifier(partition.name);
  const recent = firstRow<{ recent: boolean }>(
    await tx.execute(
      sql`select exists (select 1 from ${name} where received_at >= ${cutoff}::timestamptz) as recent`,
    ),
  );
  if (recent?.recent) return false;
  await tx.execute(sql`
    delete from usage_event_keys
    where occurred_at >= ${partition.from.toISOString()}::timestamptz and occurred_at < ${partition.to.toISOString()}::timestamptz`);
  await tx.execute(sql`alter table usage_events detach partition ${name}`);
  await tx.execute(sql`drop table ${name}`);
  return true;
};

/** Drop the month partitions entirely outside the window, under the partition lock. */
const dropExpiredPartitions = (ctx: Pick<ServiceContext, "db">, cutoff: Date): Promise<string[]> =>
  ctx.db.transaction(async (tx) => {
    await tx.execute(sql`select ${PARTITION_LOCK}`);
    const dropped: string[] = [];
    for (const partition of await existingMonthPartitions(tx)) {
      if (partition.to > cutoff) continue;
      if (await dropIfExpired(tx, partition, cutoff.toISOString())) dropped.push(partition.name);
    }
    return dropped;
  });

/** Delete the expired events left in partitions that straddle the window's edge, and their keys. */
const deleteExpiredEvents = async (ctx: Pick<ServiceContext, "db">, cutoff: Date): Promise<number> => {
  const result = await ctx.db.execute(sql`
    with gone as (
      delete from usage_events where received_at < ${cutoff.toISOString()}::timestamptz
      returning id, organization_id, idempotency_key
    ),
    keys as (
      delete from usage_event_keys k using gone
      where k.organization_id = gone.organization_id and k.idempotency_key = gone.idempotency_key
        and k.event_id = gone.id
    )
    select count(*)::int as deleted from gone`);
  return Number(firstRow<{ deleted: number }>(result)?.deleted ?? 0);
};

/**
 * The 90-day retention: whole months dropped as partitions first (no row-by-row delete, no
 * bloat left behind), then expired rows of the months still kept deleted as before.
 */
export const pruneUsageEvents = async (
  ctx: Pick<ServiceContext, "db">,
  now: Date,
): Promise<{ partitionsDropped: string[]; eventsDeleted: number }> => {
  const cutoff = new Date(now.getTime() - RETENTION_MS);
  const partitionsDropped = await dropExpiredPartitions(ctx, cutoff);
  return { partitionsDropped, eventsDeleted: await deleteExpiredEvents(ctx, cutoff) };
};
