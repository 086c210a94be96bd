import { licenses, usageDaily } from "@tessera/db/schema";
import { usageMonths } from "@tessera/domain";
import { eq, min } from "drizzle-orm";
import type { ServiceContext } from "../context.ts";

/**
 * The months the organisation may pick a report for, newest first: from its first day with
 * data, or its first license's start when earlier, to the current month (UTC).
 */
export const getUsageMonths = async (ctx: ServiceContext, organizationId: string) => {
  const [data] = await ctx.db
    .select({ first: min(usageDaily.day) })
    .from(usageDaily)
    .where(eq(usageDaily.organizationId, organizationId));
  const [license] = await ctx.db
    .select({ first: min(licenses.startsAt) })
    .from(licenses)
    .where(eq(licenses.organizationId, organizationId));
  const starts = [
    data?.first ?? null,
    license?.first ? new Date(license.first).toISOString().slice(0, 10) : null,
  ];
  const first = starts.filter((day): day is string => day !== null).sort()[0] ?? null;
  return { months: usageMonths(first, ctx.clock.now()) };
};
