import type { Executor } from "@tessera/db";
import { satisfactionLinks } from "@tessera/db/schema";
import { satisfactionLinkExpiry } from "@tessera/domain";
import { randomToken, sha256 } from "../../auth/tokens.ts";
import type { ServiceContext } from "../../context.ts";
import type { DomainEvent } from "../../events/domain-event.ts";
import { queueMail } from "../queue.ts";
import { activeUsers } from "../recipients.ts";
import { ticketFacts } from "./ticket-facts.ts";

/**
 * A ticket became RESOLVED: its requester gets a mail with a rating link (a random token,
 * only its SHA-256 kept, for this ticket and this user, expiring). Not when they resolved it
 * themselves in the portal, where the page asks them already; no link without a queued mail.
 */
export const mailTicketResolved = async (executor: Executor, ctx: ServiceContext, event: DomainEvent) => {
  if (event.action !== "ticket.status_changed" || event.after?.status !== "RESOLVED") return;
  if (event.targetType !== "ticket" || !event.targetId) return;
  const facts = await ticketFacts(executor, event.targetId);
  if (!facts?.requesterUserId || facts.requesterUserId === ctx.actor?.userId) return;
  const [requester] = await activeUsers(executor, [facts.requesterUserId], "CUSTOMER");
  if (!requester?.userId) return;
  const now = ctx.clock.now();
  const token = randomToken();
  const queued = await queueMail(executor, now, {
    template: "ticket-resolved",
    data: { ...facts.mailData, token },
    to: [requester],
    organizationId: facts.organizationId,
    category: "SUPPORT",
  });
  if (queued === 0) return;
  await executor.insert(satisfactionLinks).values({
    tokenHash: sha256(token),
    ticketId: facts.id,
    userId: requester.userId,
    expiresAt: satisfactionLinkExpiry(now),
    createdAt: now,
  });
};
