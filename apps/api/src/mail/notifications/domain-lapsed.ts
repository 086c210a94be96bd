import type { Executor } from "@tessera/db";
import { customizations, organizations } from "@tessera/db/schema";
import { verificationRecordName } from "@tessera/domain";
import { eq } from "drizzle-orm";
import type { ServiceContext } from "../../context.ts";
import type { DomainEvent } from "../../events/domain-event.ts";
import { storedValue } from "../../white-label/stored-value.ts";
import { queueMail } from "../queue.ts";
import { organizationPeople } from "../recipients.ts";

/**
 * A verified custom domain lapsed (its proof missing 72 hours): the organisation's owners and
 * admins hear of it. The event is recorded once per lapse (the check's write is conditional on
 * the version read); the dedupe key, naming the lapse's time, makes a repeat queue nothing.
 */
export const mailDomainLapsed = async (executor: Executor, ctx: ServiceContext, event: DomainEvent) => {
  if (event.action !== "white_label.domain_lapsed" || !event.organizationId || !event.targetId) return;
  // The record as this transaction just saved it: the hostname and the lapse's times.
  const [row] = await executor
    .select({ value: customizations.value, organizationName: organizations.name })
    .from(customizations)
    .innerJoin(organizations, eq(organizations.id, customizations.organizationId))
    .where(eq(customizations.id, event.targetId));
  if (!row) return;
  const domain = storedValue("DOMAIN", row.value);
  if (domain.status !== "LAPSED" || !domain.lapsedAt) return;
  await queueMail(executor, ctx.clock.now(), {
    template: "domain-lapsed",
    data: {
      organizationName: row.organizationName,
      hostname: domain.hostname,
      recordName: verificationRecordName(domain.hostname),
      missingSince: domain.proofMissingSince ?? domain.lapsedAt,
    },
    to: await organizationPeople(executor, event.organizationId, ["OWNER", "ADMIN"]),
    organizationId: event.organizationId,
    category: "SECURITY",
    dedupeKey: `domain-lapsed:${event.targetId}:${domain.lapsedAt}`,
  });
};
