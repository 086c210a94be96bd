import { licenses } from "@tessera/db/schema";
import { TIERS, type Tier, trendMonths } from "@tessera/domain";
import { sql } from "drizzle-orm";
import type { ServiceContext } from "../context.ts";

/**
 * Licenses in force at each of the last `months` month ends (by tier) and created each
 * month, counted in SQL: licenses × months grouped to a row per month × tier. "In force at"
 * is the domain's `inForceAt`: activated by then, not expired or cancelled by then, and not
 * in a suspension still going on.
 */
export const getLicenseTrend = async (ctx: ServiceContext, months: number) => {
  const periods = trendMonths(months, ctx.clock.now());
  const spans = sql.join(
    periods.map(
      (period, index) =>
        sql`(${index}::int, ${period.at.toISOString()}::timestamptz, ${period.start.toISOString()}::timestamptz, ${period.end.toISOString()}::timestamptz)`,
    ),
    sql`, `,
  );
  const rows = await ctx.db
    .select({
      index: sql<number>`m.i`,
      tier: licenses.tier,
      inForce: sql<number>`count(*) filter (where ${licenses.activatedAt} <= m.at
        and (${licenses.expiresAt} is null or ${licenses.expiresAt} > m.at)
        and (${licenses.cancelledAt} is null or ${licenses.cancelledAt} > m.at)
        and not (${licenses.status} = 'SUSPENDED' and ${licenses.suspendedAt} is not null and ${licenses.suspendedAt} <= m.at))`.mapWith(
        Number,
      ),
      created:
        sql<number>`count(*) filter (where ${licenses.createdAt} >= m.start and ${licenses.createdAt} < m.end)`.mapWith(
          Number,
        ),
    })
    .from(licenses)
    .crossJoin(sql`(values ${spans}) as m(i, at, start, "end")`)
    .groupBy(sql`m.i`, licenses.tier);
  const points = periods.map(({ month }) => ({
    month,
    inForce: Object.fromEntries(TIERS.map((tier) => [tier, 0])) as Record<Tier, number>,
    created: 0,
  }));
  for (const row of rows) {
    const point = points[row.index];
    if (!point) continue;
    point.inForce[row.tier] += row.inForce;
    point.created += row.created;
  }
  return points;
};
