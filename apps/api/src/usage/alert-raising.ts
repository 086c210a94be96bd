import type { Transaction } from "@tessera/db";
import { type licenses, usageAlerts } from "@tessera/db/schema";
import {
  entitlementsFor,
  type Feature,
  type Limits,
  METRIC_KIND,
  type Metric,
  thresholdsReached,
} from "@tessera/domain";
import type { ServiceContext } from "../context.ts";
import { recordEvent } from "../events/record-event.ts";
import { usageInPeriod } from "./current-usage.ts";
import type { Booking, TouchedMonth } from "./rollups.ts";

/** What alerts need of the license booked against. */
export type BookedLicense = Pick<
  typeof licenses.$inferSelect,
  "id" | "organizationId" | "tier" | "customLimits" | "customFeatures"
>;

export type RaisedAlert = { metric: Metric; threshold: number; period: string; used: number; limit: number };

/** Insert the thresholds reached, once each (the unique key decides), and record each one raised. */
const raiseOnce = async (
  tx: Transaction,
  ctx: ServiceContext,
  license: BookedLicense,
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

/**
 * The touched month's usage as the limits read it, from what the batch's statement
 * returned: a counter's month total; a gauge's latest level, when measured before the
 * month's end (else — a late event for a past month — read from the daily rollup).
 */
const usedIn = async (
  tx: Transaction,
  license: BookedLicense,
  booking: Booking,
  touched: TouchedMonth,
  fallback: Map<string, Record<Metric, number>>,
): Promise<number> => {
  if (METRIC_KIND[touched.metric] === "COUNTER") return touched.value;
  const monthStart = new Date(`${touched.month}T00:00:00Z`);
  const monthEnd = Date.UTC(monthStart.getUTCFullYear(), monthStart.getUTCMonth() + 1, 1);
  const latest = booking.latest.find((gauge) => gauge.metric === touched.metric);
  if (latest && new Date(latest.occurredAt).getTime() < monthEnd) return latest.value;
  let usage = fallback.get(touched.month);
  if (!usage) {
    usage = await usageInPeriod(tx, license.id, monthStart);
    fallback.set(touched.month, usage);
  }
  return usage[touched.metric];
};

/** Alerts for each metric and month a batch touched, once per threshold. */
export const raiseUsageAlerts = async (
  tx: Transaction,
  ctx: ServiceContext,
  license: BookedLicense,
  booking: Booking,
): Promise<RaisedAlert[]> => {
  const entitlements = entitlementsFor({
    tier: license.tier,
    customLimits: license.customLimits as Limits | null,
    customFeatures: license.customFeatures as Feature[] | null,
  });
  const alerts: RaisedAlert[] = [];
  const fallback = new Map<string, Record<Metric, number>>();
  for (const touched of booking.months) {
    const limit = entitlements.limits[touched.metric];
    if (limit === null) continue;
    const used = await usedIn(tx, license, booking, touched, fallback);
    const reached = thresholdsReached(used, limit);
    const period = touched.month.slice(0, 7);
    if (reached.length > 0)
      alerts.push(
        ...(await raiseOnce(tx, ctx, license, { metric: touched.metric, period, used, limit }, reached)),
      );
  }
  return alerts;
};
