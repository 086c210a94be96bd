import type { Transaction } from "@tessera/db";
import { sql } from "drizzle-orm";
import type { ServiceContext } from "../context.ts";
import { allRows, firstRow } from "../raw-rows.ts";

/**
 * `usage_events` is partitioned by UTC month of `occurred_at` (migration 0019), with a default
 * partition catching any month not prepared. This keeps the current month and the next two
 * prepared, and names partitions so retention can read a partition's month from its name.
 */
const MONTHS_AHEAD = 2;
/** Partition changes from several instances at once queue on this (catalog races otherwise fail one). */
export const PARTITION_LOCK = sql`pg_advisory_xact_lock(hashtextextended('usage_events:partitions', 0))`;

/** A usage_events partition: its name and its [from, to) range of occurred times. */
export interface MonthPartition {
  name: string;
  from: Date;
  to: Date;
}

const utcMonth = (year: number, monthIndex: number): Date => new Date(Date.UTC(year, monthIndex, 1));

/** The partition of the UTC month `offset` months after the one `at` falls in. */
const monthPartition = (at: Date, offset = 0): MonthPartition => {
  const from = utcMonth(at.getUTCFullYear(), at.getUTCMonth() + offset);
  const to = utcMonth(from.getUTCFullYear(), from.getUTCMonth() + 1);
  const name = `usage_events_${from.getUTCFullYear()}_${String(from.getUTCMonth() + 1).padStart(2, "0")}`;
  return { name, from, to };
};

/** The month partitions that exist now (not the default one), read back from their names. */
export const existingMonthPartitions = async (tx: Transaction): Promise<MonthPartition[]> => {
  const names = allRows<{ name: string }>(
    await tx.execute(sql`
      select c.relname as name from pg_inherits i join pg_class c on c.oid = i.inhrelid
      where i.inhparent = 'usage_events'::regclass and c.relname ~ '^usage_events_[0-9]{4}_[0-9]{2}$'
      order by c.relname`),
  );
  return names.map(({ name }) => {
    const [year, month] = name.slice("usage_events_".length).split("_").map(Number);
    return monthPartition(utcMonth(year ?? 0, (month ?? 1) - 1));
  });
};

/**
 * Create one month's partition. Events of that month may already sit in the default
 * partition (the job did not run in time), and PostgreSQL refuses a partition whose rows the
 * default holds: so the table is built apart, those rows moved into it, then attached.
 */
const createPartition = async (tx: Transaction, partition: MonthPartition): Promise<void> => {
  const name = sql.identifier(partition.name);
  const from = sql.raw(`'${partition.from.toISOString()}'`);
  const to = sql.raw(`'${partition.to.toISOString()}'`);
  await tx.execute(sql`create table ${name} (like usage_events including defaults including constraints)`);
  await tx.execute(sql`
    with moved as (
      delete from usage_events_default where occurred_at >= ${from}::timestamptz and occurred_at < ${to}::timestamptz
      returning *
    )
    insert into ${name} select * from moved`);
  await tx.execute(
    sql`alter table usage_events attach partition ${name} for values from (${from}) to (${to})`,
  );
};

/** Make sure this month's and the next two months' partitions exist; the names it created. */
export const ensureUsagePartitions = async (ctx: Pick<ServiceContext, "db">, now: Date): Promise<string[]> =>
  ctx.db.transaction(async (tx) => {
    await tx.execute(sql`select ${PARTITION_LOCK}`);
    const created: string[] = [];
    for (let offset = 0; offset <= MONTHS_AHEAD; offset++) {
      const partition = monthPartition(now, offset);
      const found = firstRow<{ oid: string | null }>(
        await tx.execute(sql`select to_regclass(${partition.name})::text as oid`),
      );
      if (found?.oid) continue;
      await createPartition(tx, partition);
      created.push(partition.name);
    }
    return created;
  });
