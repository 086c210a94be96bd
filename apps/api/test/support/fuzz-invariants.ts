import type { DbHandle } from "@tessera/db";
import { type SQL, sql } from "drizzle-orm";

/**
 * What must hold after any call, refused or not: the database's own promises, checked in SQL
 * so that a successful call that broke one is caught at once, named by the call.
 */
const INVARIANTS: Record<string, SQL> = {
  "usage rollup: each day's event count equals its raw events, counters their sum": sql`
    select d.license_id from usage_daily d
    left join (
      select license_id, metric, (occurred_at at time zone 'UTC')::date as day, count(*) as n, sum(value) as total
      from usage_events group by 1, 2, 3
    ) e on e.license_id = d.license_id and e.metric = d.metric and e.day = d.day
    where d.events <> coalesce(e.n, 0) or (d.metric = 'API_CALLS' and d.value <> coalesce(e.total, 0))
    union all
    select e.license_id from usage_events e
    where not exists (select 1 from usage_daily d where d.license_id = e.license_id and d.metric = e.metric
      and d.day = (e.occurred_at at time zone 'UTC')::date)`,
  "usage rollup: a month's counter equals the sum of its days": sql`
    select m.license_id from usage_monthly m
    where m.metric = 'API_CALLS' and m.value <> (
      select coalesce(sum(d.value), 0) from usage_daily d
      where d.license_id = m.license_id and d.metric = m.metric and date_trunc('month', d.day) = m.month)`,
  "usage rollup: a platform month equals the sum of its license months": sql`
    select metric from (select metric, month, sum(value) as v from usage_platform_monthly group by 1, 2) p
    full join (select metric, month, sum(value) as v from usage_monthly group by 1, 2) m using (metric, month)
    where coalesce(p.v, 0) <> coalesce(m.v, 0)`,
  "usage rollup: a license's latest gauge is its newest day's": sql`
    select l.license_id from usage_latest l
    where l.value <> (select d.value from usage_daily d where d.license_id = l.license_id and d.metric = l.metric
      order by d.day desc limit 1)`,
  "tickets: every ticket has its own number": sql`
    select number from tickets group by number having count(*) > 1 or number is null or number < 1`,
  "tickets: a ticket's license is its organisation's": sql`
    select t.id from tickets t join licenses l on l.id = t.license_id where l.organization_id <> t.organization_id`,
  "tickets: an agent's stored open-ticket count equals its open tickets": sql`
    select u.id from users u
    where u.open_ticket_count <> (select count(*) from tickets t where t.assignee_id = u.id
      and t.status in ('OPEN', 'IN_PROGRESS', 'WAITING_ON_CUSTOMER'))`,
  "licenses: at most one in force per organisation": sql`
    select organization_id from licenses where status in ('PENDING', 'ACTIVE', 'SUSPENDED')
    group by organization_id having count(*) > 1`,
};

/** The names of the invariants that no longer hold. */
export const brokenInvariants = async (dbHandle: DbHandle): Promise<string[]> => {
  const broken: string[] = [];
  for (const [name, query] of Object.entries(INVARIANTS)) {
    const rows = await dbHandle.rows(query);
    if (rows.length > 0) broken.push(name);
  }
  return broken;
};

/**
 * Tables whose changes need no audit event: sign-in state, limiter counters, a user's own
 * notices and mail choices, and metered usage (recorded as events themselves, far too many to audit one by one).
 */
const UNAUDITED = new Set([
  "sessions",
  "rate_limits",
  "notifications",
  "mail_preferences",
  "usage_events",
  "usage_events_default",
  "usage_event_keys",
  "usage_daily",
  "usage_monthly",
  "usage_latest",
  "usage_platform_monthly",
  "usage_alerts",
]);

/** Every table's row count and content hash: what "unchanged" means. */
export const snapshot = async (dbHandle: DbHandle): Promise<Map<string, string>> => {
  const tables = await dbHandle.rows<{ name: string }>(
    sql`select table_name as name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE' order by 1`,
  );
  const parts = tables.map(
    ({ name }) =>
      `select '${name}' as t, count(*)::text as n, md5(coalesce(string_agg(x::text, '|' order by x::text), '')) as h from "${name}" x`,
  );
  const rows = await dbHandle.rows<{ t: string; n: string; h: string }>(sql.raw(parts.join(" union all ")));
  return new Map(rows.map((row) => [row.t, `${row.n}:${row.h}`]));
};

/** The tables whose content differs between two snapshots. */
export const changedTables = (before: Map<string, string>, after: Map<string, string>): string[] =>
  [...after].filter(([table, state]) => before.get(table) !== state).map(([table]) => table);

/** A change to audited data with no audit event beside it: the tables changed, or null when fine. */
export const unauditedChange = (changed: string[]): string[] | null => {
  // usage_events' month partitions (usage_events_2026_11) are tables of their own.
  const audited = changed.filter(
    (table) => !UNAUDITED.has(table) && !/^usage_events_\d{4}_\d{2}$/.test(table),
  );
  return audited.length > 0 && !changed.includes("audit_events") ? audited : null;
};
