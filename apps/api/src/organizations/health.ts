import { tickets, usageDaily, webhookDeliveries } from "@tessera/db/schema";
import { gradeHealth, TICKET_PRIORITIES, type TicketPriority } from "@tessera/domain";
import { and, count, eq, gte } from "drizzle-orm";
import { listAuditEvents } from "../audit/service.ts";
import type { ServiceContext } from "../context.ts";
import { getLicenseByOrganization } from "../licenses/lookup.ts";
import { atRiskCondition, breachedCondition, isOpen, listTickets } from "../support/ticket-queries.ts";
import { getUsageAlerts } from "../usage/alerts.ts";
import { checkLimits } from "../usage/usage-report.ts";
import { getWhiteLabelConfig } from "../white-label/customizations.ts";
import { getOrganization } from "./service.ts";

const WEEK_MS = 7 * 86_400_000;

const ticketCounts = async (ctx: ServiceContext, organizationId: string) => {
  const now = ctx.clock.now();
  const ofOrganization = eq(tickets.organizationId, organizationId);
  const [byPriority, [breached], [atRisk]] = await Promise.all([
    ctx.db
      .select({ priority: tickets.priority, total: count() })
      .from(tickets)
      .where(and(ofOrganization, isOpen()))
      .groupBy(tickets.priority),
    ctx.db
      .select({ total: count() })
      .from(tickets)
      .where(and(ofOrganization, breachedCondition(now))),
    ctx.db
      .select({ total: count() })
      .from(tickets)
      .where(and(ofOrganization, atRiskCondition(now))),
  ]);
  const openByPriority = Object.fromEntries(TICKET_PRIORITIES.map((priority) => [priority, 0])) as Record<
    TicketPriority,
    number
  >;
  for (const row of byPriority) openByPriority[row.priority] = row.total;
  return {
    openByPriority,
    open: byPriority.reduce((sum, row) => sum + row.total, 0),
    breached: breached?.total ?? 0,
    atRisk: atRisk?.total ?? 0,
  };
};

const deadDeliveriesThisWeek = async (ctx: ServiceContext, organizationId: string) => {
  const since = new Date(ctx.clock.now().getTime() - WEEK_MS);
  const [row] = await ctx.db
    .select({ total: count() })
    .from(webhookDeliveries)
    .where(
      and(
        eq(webhookDeliveries.organizationId, organizationId),
        eq(webhookDeliveries.status, "DEAD"),
        gte(webhookDeliveries.updatedAt, since),
      ),
    );
  return row?.total ?? 0;
};

/** Whether the organisation ever reported usage: one row of the daily rollup (never pruned) is enough. */
const usageEverReported = async (ctx: ServiceContext, organizationId: string) => {
  const [row] = await ctx.db
    .select({ organizationId: usageDaily.organizationId })
    .from(usageDaily)
    .where(eq(usageDaily.organizationId, organizationId))
    .limit(1);
  return row !== undefined;
};

/**
 * What grading reads for one organisation, gathered and graded: the health (score, grade,
 * reasons) and the parts the health page shows besides. The organisation list grades with it too.
 */
export const gradeOrganization = async (ctx: ServiceContext, organizationId: string) => {
  const [license, usage, usageReported, ticketTotals, whiteLabel, deadWebhookDeliveries] = await Promise.all([
    getLicenseByOrganization(ctx, organizationId),
    checkLimits(ctx, organizationId),
    usageEverReported(ctx, organizationId),
    ticketCounts(ctx, organizationId),
    getWhiteLabelConfig(ctx, organizationId),
    deadDeliveriesThisWeek(ctx, organizationId),
  ]);
  const current = license.current;
  const health = gradeHealth(
    {
      license: current
        ? { status: current.status, expiresAt: current.expiresAt, autoRenew: current.autoRenew }
        : null,
      limits: usage.licenseId ? usage.metrics : null,
      forecasts: usage.forecasts,
      usageReported,
      tickets: { openCritical: ticketTotals.openByPriority.CRITICAL, ...ticketTotals },
      domain: whiteLabel.domain && { ...whiteLabel.domain, setAt: new Date(whiteLabel.domain.setAt) },
      deadWebhookDeliveries,
    },
    ctx.clock.now(),
  );
  return { health, current, usage, ticketTotals, whiteLabel, deadWebhookDeliveries };
};

/**
 * One organisation on one page: its license, usage against limits, open tickets and SLA,
 * white-label status and (when `withAudit`) recent audit events, graded with the reasons.
 * Customers get it for their own organisation; the audit trail only for their admins.
 */
export const getOrganizationHealth = async (
  ctx: ServiceContext,
  organizationId: string,
  options: { withAudit: boolean },
) => {
  const organization = await getOrganization(ctx, organizationId);
  const [graded, openTickets, alerts, audit] = await Promise.all([
    gradeOrganization(ctx, organizationId),
    listTickets(ctx, { page: 1, pageSize: 5, sort: "dueAt", openOnly: true }, organizationId),
    getUsageAlerts(ctx, { page: 1, pageSize: 5, acknowledged: false }, organizationId),
    options.withAudit
      ? listAuditEvents(ctx, { page: 1, pageSize: 10, sort: "createdAt", direction: "desc" }, organizationId)
      : null,
  ]);
  const { health, current, usage, ticketTotals, whiteLabel, deadWebhookDeliveries } = graded;
  return {
    organization: { id: organization.id, name: organization.name, slug: organization.slug },
    ...health,
    license: current,
    usage,
    alerts: { unacknowledged: alerts.total, latest: alerts.items },
    tickets: { ...ticketTotals, oldestDue: openTickets.items },
    whiteLabel: {
      branding: {
        enabled: whiteLabel.branding.enabled,
        active: whiteLabel.branding.active,
        companyName: whiteLabel.branding.saved?.companyName ?? null,
      },
      domain: whiteLabel.domain
        ? { hostname: whiteLabel.domain.hostname, status: whiteLabel.domain.status }
        : null,
      sso: whiteLabel.sso
        ? {
            protocol: whiteLabel.sso.protocol,
            enforced: whiteLabel.sso.enforced,
            active: whiteLabel.sso.active,
          }
        : null,
      api: {
        enabled: whiteLabel.api.enabled,
        active: whiteLabel.api.active,
        activeKeys: whiteLabel.api.activeKeys,
      },
      featureToggles: whiteLabel.featureToggles.length,
      integrations: whiteLabel.integrations.length,
      deadWebhookDeliveries,
    },
    audit: audit?.items ?? null,
  };
};
