import type { Executor } from "@tessera/db";
import { licenses, organizations } from "@tessera/db/schema";
import { eq } from "drizzle-orm";
import type { ServiceContext } from "../../context.ts";
import type { DomainEvent } from "../../events/domain-event.ts";
import { queueMail } from "../queue.ts";
import { activeUsers, organizationPeople } from "../recipients.ts";

/**
 * The sweep's 30/7/1-day reminder: the organisation's owners and admins and its account
 * manager hear of it, once per license, expiry and point (the dedupe key), however often the
 * sweep runs.
 */
export const mailLicenseExpiry = async (executor: Executor, ctx: ServiceContext, event: DomainEvent) => {
  if (event.action !== "license.expiry_reminder" || !event.organizationId || !event.targetId) return;
  const daysBefore = Number(event.after?.daysBefore);
  const [license] = await executor
    .select({
      tier: licenses.tier,
      autoRenew: licenses.autoRenew,
      expiresAt: licenses.expiresAt,
      organizationName: organizations.name,
      accountManagerId: organizations.accountManagerId,
    })
    .from(licenses)
    .innerJoin(organizations, eq(organizations.id, licenses.organizationId))
    .where(eq(licenses.id, event.targetId));
  if (!license?.expiresAt || !Number.isInteger(daysBefore)) return;
  const expiresAt = license.expiresAt.toISOString();
  const mail = {
    template: "license-expiry" as const,
    organizationId: event.organizationId,
    category: "LICENSE" as const,
    dedupeKey: `license-expiry:${event.targetId}:${expiresAt}:${daysBefore}`,
  };
  const data = {
    organizationName: license.organizationName,
    licenseId: event.targetId,
    tier: license.tier,
    daysBefore,
    expiresAt,
    autoRenew: license.autoRenew,
  };
  const now = ctx.clock.now();
  await queueMail(executor, now, {
    ...mail,
    data: { ...data, audience: "customer" },
    to: await organizationPeople(executor, event.organizationId, ["OWNER", "ADMIN"]),
  });
  await queueMail(executor, now, {
    ...mail,
    // the manager is staff: Tessera's own branding, not the customer's
    organizationId: null,
    data: { ...data, audience: "manager" },
    to: await activeUsers(executor, [license.accountManagerId], "STAFF"),
  });
};
