import type { Transaction } from "@tessera/db";
import { type licenses, usageAlerts } from "@tessera/db/schema";
import {
  entitlementsFor,
  type Feature,
  type Limits,
  type Metric,
  thresholdsReached,
  usagePeriod,
} from "@tessera/domain";
import type { ServiceContext } from "../context.ts";
import { recordEvent } from "../events/record-event.ts";
import { usageInPeriod } from "./current-usage.ts";
import type { DailyRollup } from "./rollups.ts";

export type RaisedAlert = { metric: Metric; threshold: number; period: string; used: number; limit: number };

/** Insert the thresholds reached, once each (the unique key decides), and record each one raised. */
const raiseOnce = async (
  tx: Transaction,
  ctx: ServiceContext,
  license: typeof licenses.$inferSelect,
  alert: Omit<RaisedAlert, "threshold">,
  thresholds: number[],
): Promise<RaisedAlert[]> => {
  const created = await tx
    .insert(usageAlerts)
    .values(
      thresholds.map((threshold) => ({
        licenseId: license.id,
        organizationId: license.organizationId,
        ...alert,
        threshold,
        createdAt: ctx.clock.now(),
      })),
    )
    .onConflictDoNothing({
      target: [usageAlerts.licenseId, usageAlerts.metric, usageAlerts.threshold, usageAlerts.period],
    })
    .returning({ id: usageAlerts.id, threshold: usageAlerts.threshold });
  for (const row of created) {
    await recordEvent(tx, ctx, {
      action: "usage.alert_raised",
      organizationId: license.organizationId,
      targetType: "usage_alert",
      targetId: row.id,
      after: { ...alert, threshold: row.threshold },
    });
  }
  return created.map((row) => ({ ...alert, threshold: row.threshold }));
};

/** Alerts for each metric and period a batch touched, once per threshold. */
export const raiseUsageAlerts = async (
  tx: Transaction,
  ctx: ServiceContext,
  license: typeof licenses.$inferSelect,
  rollups: Iterable<DailyRollup>,
): Promise<RaisedAlert[]> => {
  const entitlements = entitlementsFor({
    tier: license.tier,
    customLimits: license.customLimits as Limits | null,
    customFeatures: license.customFeatures as Feature[] | null,
  });
  const touched = new Map<string, { metric: Metric; at: Date }>();
  for (const rollup of rollups) touched.set(`${rollup.metric}|${usagePeriod(rollup.at)}`, rollup);
  const alerts: RaisedAlert[] = [];
  const usageByPeriod = new Map<string, Record<Metric, number>>();
  for (const { metric, at } of touched.values()) {
    const limit = entitlements.limits[metric];
    if (limit === null) continue;
    const period = usagePeriod(at);
    let usage = usageByPeriod.get(period);
    if (!usage) {
      usage = await usageInPeriod(tx, license.id, at);
      usageByPeriod.set(period, usage);
    }
    const used = usage[metric];
    const reached = thresholdsReached(used, limit);
    if (reached.length > 0)
      alerts.push(...(await raiseOnce(tx, ctx, license, { metric, period, used, limit }, reached)));
  }
  return alerts;
};
