import { type Tier, tierResponseCapHours } from "@tessera/domain";
import type { ServiceContext } from "../context.ts";
import { getOrganizationHealth } from "../organizations/health.ts";
import { findTicket, listTickets } from "./ticket-queries.ts";

const RECENT_TICKETS = 5;

/**
 * What an agent wants beside a ticket, in one call: the organisation, its tier and the SLA
 * response cap the tier sets, its license's status and expiry, its health grade with the
 * reasons (the organisation health service's own), usage against the license's limits, and
 * its open and most recent tickets. Staff only: it names every part of the customer's account.
 */
export const getCustomerContext = async (ctx: ServiceContext, ticketId: string) => {
  const ticket = await findTicket(ctx.db, ticketId);
  const organizationId = ticket.organizationId;
  const [health, recent] = await Promise.all([
    getOrganizationHealth(ctx, organizationId, { withAudit: false }),
    listTickets(ctx, { page: 1, pageSize: RECENT_TICKETS, sort: "createdAt" }, organizationId),
  ]);
  const license = health.license;
  const tier = (license?.tier as Tier | undefined) ?? null;
  return {
    ticketId,
    organization: health.organization,
    tier,
    responseCapHours: tierResponseCapHours(tier, license?.supportResponseCapHours ?? null),
    license: license
      ? {
          id: license.id,
          status: license.status,
          expiresAt: license.expiresAt,
          daysUntilExpiry: license.daysUntilExpiry,
          autoRenew: license.autoRenew,
        }
      : null,
    health: { grade: health.grade, score: health.score, reasons: health.reasons },
    usage: { period: health.usage.period, metrics: health.usage.metrics },
    openTickets: {
      total: health.tickets.open,
      breached: health.tickets.breached,
      atRisk: health.tickets.atRisk,
      soonestDue: health.tickets.oldestDue,
    },
    recentTickets: recent.items,
  };
};
