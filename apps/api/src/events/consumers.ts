import type { Executor } from "@tessera/db";
import { writeAuditEntry } from "../audit/audit-writer.ts";
import type { ServiceContext } from "../context.ts";
import { mailDomainLapsed } from "../mail/notifications/domain-lapsed.ts";
import { mailLicenseExpiry } from "../mail/notifications/license-expiry.ts";
import { mailLicenseStatus } from "../mail/notifications/license-status.ts";
import { mailSupportSla } from "../mail/notifications/support-sla.ts";
import { mailSupportTicket } from "../mail/notifications/support-tickets.ts";
import { mailTeamChange } from "../mail/notifications/team.ts";
import { mailTicketResolved } from "../mail/notifications/ticket-resolved.ts";
import { mailUsageAlert } from "../mail/notifications/usage-alerts.ts";
import { publishAsWebhook } from "../white-label/webhook-events.ts";
import type { DomainEvent } from "./domain-event.ts";

/** A side effect of a domain event, run inside the transaction that made the change. */
export type EventConsumer = (executor: Executor, ctx: ServiceContext, event: DomainEvent) => Promise<void>;

/**
 * Every in-transaction consumer, in the order they run. A new side effect (an email to
 * queue, a counter to bump) is one more entry here; services keep calling `recordEvent`.
 */
export const EVENT_CONSUMERS: readonly EventConsumer[] = [
  writeAuditEntry,
  publishAsWebhook,
  mailLicenseStatus,
  mailLicenseExpiry,
  mailUsageAlert,
  mailSupportTicket,
  mailSupportSla,
  mailTeamChange,
  mailDomainLapsed,
  mailTicketResolved,
];
