import type { Executor } from "@tessera/db";
import { organizations } from "@tessera/db/schema";
import { eq } from "drizzle-orm";
import type { ServiceContext } from "../../context.ts";
import type { DomainEvent } from "../../events/domain-event.ts";
import { queueMail } from "../queue.ts";
import { organizationPeople } from "../recipients.ts";

/** A usage alert was raised (80 % or 100 % of a limit): the owners and admins hear of it once. */
export const mailUsageAlert = async (executor: Executor, ctx: ServiceContext, event: DomainEvent) => {
  if (event.action !== "usage.alert_raised" || !event.organizationId || !event.targetId || !event.after)
    return;
  const [organization] = await executor
    .select({ name: organizations.name })
    .from(organizations)
    .where(eq(organizations.id, event.organizationId));
  if (!organization) return;
  const { metric, threshold, used, limit, period } = event.after;
  await queueMail(executor, ctx.clock.now(), {
    template: "usage-alert",
    data: {
      organizationName: organization.name,
      metric: String(metric),
      threshold: Number(threshold),
      used: Number(used),
      limit: Number(limit),
      period: String(period),
    },
    to: await organizationPeople(executor, event.organizationId, ["OWNER", "ADMIN"]),
    organizationId: event.organizationId,
    category: "USAGE",
    dedupeKey: `usage-alert:${event.targetId}`,
  });
};
