import type { Database } from "@tessera/db";
import { licenses, organizations, tickets, usageDaily } from "@tessera/db/schema";
import { sql } from "drizzle-orm";
import { seedLicenses } from "./seed-licenses.ts";

const DAY_MS = 86_400_000;

/**
 * A year of history for `count` organisations, written in bulk: licenses activated over the
 * past year (a tenth of them since cancelled, a tenth suspended), a daily rollup per license ×
 * metric × day for 365 days (and the monthly, latest-gauge and platform rollups made from them), five tickets per organisation over the year (a fifth of them
 * breached) and an alert per organisation. Generated in SQL so a million rows take seconds.
 */
export const seedYear = async (db: Database, count: number, now = new Date()) => {
  await seedLicenses(db, count, now);
  const yearAgo = new Date(now.getTime() - 365 * DAY_MS).toISOString();
  const at = now.toISOString();
  // Spread activations over the year by row order; cancel and suspend a tenth each.
  await db.execute(sql`
    with ordered as (select id, row_number() over (order by id) as n from ${licenses})
    update ${licenses} set
      activated_at = ${yearAgo}::timestamptz + (ordered.n % 330) * interval '1 day',
      created_at = ${yearAgo}::timestamptz + (ordered.n % 330) * interval '1 day',
      expires_at = ${yearAgo}::timestamptz + (ordered.n % 330) * interval '1 day' + interval '1 year',
      status = case when ordered.n % 10 = 0 then 'CANCELLED'::license_status
                    when ordered.n % 10 = 1 then 'SUSPENDED'::license_status
                    else status end,
      cancelled_at = case when ordered.n % 10 = 0 then ${at}::timestamptz - interval '20 days' end,
      suspended_at = case when ordered.n % 10 = 1 then ${at}::timestamptz - interval '5 days' end
    from ordered where ordered.id = ${licenses.id}`);
  await db.execute(sql`
    insert into usage_daily (license_id, organization_id, metric, day, value, last_occurred_at, events)
    select l.id, l.organization_id, m.metric::usage_metric, d.day::date,
           case m.metric
             when 'API_CALLS' then 200 + (abs(hashtext(l.id::text || d.day::text)) % 800)
             when 'ACTIVE_USERS' then 20 + (abs(hashtext(l.id::text)) % 400)
             when 'COURSES' then 1 + (abs(hashtext(l.id::text)) % 60)
             else (abs(hashtext(l.id::text)) % 50) * 1073741824::bigint end,
           d.day + interval '12 hours', 1
    from ${licenses} l
    cross join (values ('ACTIVE_USERS'), ('COURSES'), ('API_CALLS'), ('STORAGE_BYTES')) as m(metric)
    cross join generate_series(${yearAgo}::timestamptz, ${at}::timestamptz - interval '1 day', interval '1 day') as d(day)`);
  await db.execute(sql`
    insert into usage_monthly (license_id, organization_id, metric, month, value)
    select license_id, organization_id, metric, date_trunc('month', day)::date,
           case when metric = 'API_CALLS' then sum(value) else max(value) end
    from usage_daily group by 1, 2, 3, 4`);
  await db.execute(sql`
    insert into usage_latest (license_id, metric, value, occurred_at)
    select distinct on (license_id, metric) license_id, metric, value, last_occurred_at
    from usage_daily where metric <> 'API_CALLS' order by license_id, metric, day desc`);
  await db.execute(sql`
    insert into usage_platform_monthly (metric, month, shard, value)
    select metric, month, 0, sum(value) from usage_monthly group by 1, 2`);
  await db.execute(sql`
    insert into tickets (organization_id, license_id, subject, description, priority, status, requester_label,
                         response_due_at, first_responded_at, created_at, updated_at)
    select l.organization_id, l.id, 'Bench ticket ' || t.n, 'bench',
           (array['LOW','NORMAL','HIGH','CRITICAL'])[1 + t.n % 4]::ticket_priority,
           (case when t.n < 3 then 'RESOLVED' else 'OPEN' end)::ticket_status,
           'bench', c.created + interval '4 hours',
           case when t.n < 3 then c.created + interval '1 hour' end, c.created, c.created
    from ${licenses} l
    cross join generate_series(0, 4) as t(n)
    cross join lateral (select ${at}::timestamptz - ((abs(hashtext(l.id::text)) + t.n * 73) % 365) * interval '1 day' as created) c`);
  await db.execute(sql`
    insert into ticket_sla_events (ticket_id, organization_id, clock, kind, due_at)
    select id, organization_id, 'FIRST_RESPONSE', 'BREACHED', response_due_at
    from tickets where number % 5 = 0`);
  await db.execute(sql`
    insert into usage_alerts (license_id, organization_id, metric, threshold, period, used, "limit")
    select id, organization_id, 'COURSES', 80, to_char(${at}::timestamptz, 'YYYY-MM'), 8, 10 from ${licenses}`);
  const [orgs] = await db.select({ total: sql<number>`count(*)::int` }).from(organizations);
  const [rollups] = await db.select({ total: sql<number>`count(*)::int` }).from(usageDaily);
  const [opened] = await db.select({ total: sql<number>`count(*)::int` }).from(tickets);
  return { organizations: orgs?.total ?? 0, usageRows: rollups?.total ?? 0, tickets: opened?.total ?? 0 };
};
