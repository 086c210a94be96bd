import type { Executor } from "@tessera/db";
import type { ServiceContext } from "../../context.ts";
import type { DomainEvent } from "../../events/domain-event.ts";
import { queueMail } from "../queue.ts";
import { staffAdmins } from "../recipients.ts";
import { ticketFacts } from "./ticket-facts.ts";

const KINDS = { "ticket.sla_at_risk": "at_risk", "ticket.sla_breached": "breached" } as const;

/**
 * The SLA sweep found a clock at risk or breached (once per ticket, clock and kind): the
 * agent hears of both; a breach also goes to the support leads, who are the staff admins.
 */
export const mailSupportSla = async (executor: Executor, ctx: ServiceContext, event: DomainEvent) => {
  const kind = KINDS[event.action as keyof typeof KINDS];
  if (!kind || !event.targetId) return;
  const facts = await ticketFacts(executor, event.targetId);
  if (!facts) return;
  const dueAt = event.after?.dueAt ? new Date(event.after.dueAt as string | Date).toISOString() : null;
  const clock = event.after?.clock === "RESOLUTION" ? "RESOLUTION" : "FIRST_RESPONSE";
  const mail = { template: "ticket-sla", organizationId: null, category: "SUPPORT" } as const;
  const data = { ...facts.mailData, kind, clock, dueAt } as const;
  const now = ctx.clock.now();
  await queueMail(executor, now, { ...mail, data: { ...data, audience: "assignee" }, to: facts.assignee });
  if (kind !== "breached") return;
  const assignee = new Set(facts.assignee.map((person) => person.userId));
  await queueMail(executor, now, {
    ...mail,
    data: { ...data, audience: "lead" },
    to: (await staffAdmins(executor)).filter((lead) => !assignee.has(lead.userId)),
  });
};
