import type { Executor } from "@tessera/db";
import { licenseOverages } from "@tessera/db/schema";
import { type Entitlements, limitVerdict, METRICS, type Metric, overSinceAt } from "@tessera/domain";
import { eq } from "drizzle-orm";
import { currentUsage } from "../usage/current-usage.ts";

/**
 * The metrics a license is past its limit on now, each with when that began and whether it
 * is still in grace (within the tolerance, before the grace ends): what the license pages show.
 */
export const overLimitNow = async (
  db: Executor,
  license: { id: string; entitlements: Pick<Entitlements, "limits" | "overage"> },
  now: Date,
) => {
  const usage = await currentUsage(db, license.id, now);
  const rows = await db
    .select({ metric: licenseOverages.metric, overSince: licenseOverages.overSince })
    .from(licenseOverages)
    .where(eq(licenseOverages.licenseId, license.id));
  const overSince = overSinceAt(Object.fromEntries(rows.map((row) => [row.metric, row.overSince])), now);
  return METRICS.flatMap((metric: Metric) => {
    const limit = license.entitlements.limits[metric];
    const used = usage[metric] ?? 0;
    if (limit === null || used <= limit) return [];
    const since = overSince[metric] ?? null;
    const verdict = limitVerdict(used, limit, license.entitlements.overage[metric], since, now);
    return [
      {
        metric,
        used,
        limit,
        overSince: since,
        inGrace: verdict.warning !== null,
        graceEndsAt: verdict.graceEndsAt,
      },
    ];
  });
};
