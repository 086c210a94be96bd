import type { Executor } from "@tessera/db";
import { licenses, organizations } from "@tessera/db/schema";
import { eq } from "drizzle-orm";
import type { ServiceContext } from "../../context.ts";
import type { DomainEvent } from "../../events/domain-event.ts";
import { queueMail } from "../queue.ts";
import { organizationPeople } from "../recipients.ts";

const CHANGES = {
  "license.suspended": "suspended",
  "license.reinstated": "reinstated",
  "license.cancelled": "cancelled",
  "license.renewed": "renewed",
  // the sweep's renewal ahead of expiry reads the same to the owners as staff's
  "license.auto_renewed": "renewed",
} as const;

/** A license was suspended, reinstated, cancelled or renewed (by staff or automatically): its organisation's owners hear of it. */
export const mailLicenseStatus = async (executor: Executor, ctx: ServiceContext, event: DomainEvent) => {
  const change = CHANGES[event.action as keyof typeof CHANGES];
  if (!change || !event.organizationId || !event.targetId) return;
  const [license] = await executor
    .select({
      tier: licenses.tier,
      expiresAt: licenses.expiresAt,
      suspendedReason: licenses.suspendedReason,
      cancelledReason: licenses.cancelledReason,
      organizationName: organizations.name,
    })
    .from(licenses)
    .innerJoin(organizations, eq(organizations.id, licenses.organizationId))
    .where(eq(licenses.id, event.targetId));
  if (!license) return;
  const reason =
    change === "suspended"
      ? license.suspendedReason
      : change === "cancelled"
        ? license.cancelledReason
        : null;
  await queueMail(executor, ctx.clock.now(), {
    template: "license-status",
    data: {
      organizationName: license.organizationName,
      change,
      tier: license.tier,
      expiresAt: license.expiresAt?.toISOString() ?? null,
      reason,
    },
    to: await organizationPeople(executor, event.organizationId, ["OWNER"]),
    organizationId: event.organizationId,
    category: "LICENSE",
  });
};
