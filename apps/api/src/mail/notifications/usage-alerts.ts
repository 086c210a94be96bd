import type { Executor } from "@tessera/db";
import { organizations } from "@tessera/db/schema";
import { eq } from "drizzle-orm";
import type { ServiceContext } from "../../context.ts";
import type { DomainEvent } from "../../events/domain-event.ts";
import { queueMail } from "../queue.ts";
import { organizationPeople } from "../recipients.ts";

const ALERT_ACTIONS = new Set(["usage.alert_raised", "usage.forecast_alert_raised"]);

/**
 * A usage alert was raised (80 % or 100 % of a limit reached, or forecast to be on a day):
 * the owners and admins hear of each once.
 */
export const mailUsageAlert = async (executor: Executor, ctx: ServiceContext, event: DomainEvent) => {
  if (!ALERT_ACTIONS.has(event.action) || !event.organizationId || !event.targetId || !event.after) return;
  const [organization] = await executor
    .select({ name: organizations.name })
    .from(organizations)
    .where(eq(organizations.id, event.organizationId));
  if (!organization) return;
  const { metric, threshold, used, limit, period, reachesOn } = event.after;
  const forecast = event.action === "usage.forecast_alert_raised";
  await queueMail(executor, ctx.clock.now(), {
    template: "usage-alert",
    data: {
      organizationName: organization.name,
      metric: String(metric),
      threshold: Number(threshold),
      used: Number(used),
      limit: Number(limit),
      period: String(period),
      ...(forecast ? { reachesOn: String(reachesOn) } : {}),
    },
    to: await organizationPeople(executor, event.organizationId, ["OWNER", "ADMIN"]),
    organizationId: event.organizationId,
    category: "USAGE",
    dedupeKey: `${forecast ? "usage-forecast-alert" : "usage-alert"}:${event.targetId}`,
  });
};
