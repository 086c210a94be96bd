import type { AppRouter } from "@tessera/api";
import { TIER_LABELS } from "@tessera/domain";
import { Badge, Card } from "@tessera/ui";
import type { inferRouterOutputs } from "@trpc/server";
import type { ReactNode } from "react";
import { Link } from "react-router";
import { useDateFormat } from "../components/dates/use-date-format.ts";
import { LicenseStatusBadge } from "../components/license-badges.tsx";
import { HealthGradeBadge } from "../components/organization-health.tsx";
import { QueryState } from "../components/query-state.tsx";
import { StatusBadge } from "../components/ticket-parts.tsx";
import { UsageMeters } from "../components/usage-limits.tsx";
import { trpc } from "../trpc.ts";

type CustomerContext = inferRouterOutputs<AppRouter>["support"]["customerContext"];
type ContextTicket = CustomerContext["recentTickets"][number];

const Row = ({ label, children }: { label: string; children: ReactNode }) => (
  <div className="flex items-baseline justify-between gap-3 py-1.5 text-sm">
    <dt className="text-fg-muted">{label}</dt>
    <dd className="text-right text-fg">{children}</dd>
  </div>
);

const TicketList = ({
  label,
  tickets,
  current,
}: {
  label: string;
  tickets: ContextTicket[];
  current: string;
}) => (
  <div>
    <h3 className="text-sm font-medium text-fg">{label}</h3>
    {tickets.length === 0 ? (
      <p className="mt-1 text-sm text-fg-muted">None.</p>
    ) : (
      <ul aria-label={label} className="mt-1 space-y-1">
        {tickets.map((ticket) => (
          <li key={ticket.id} className="flex flex-wrap items-center gap-2 text-sm">
            {ticket.id === current ? (
              <span className="font-mono text-fg">{ticket.reference} (this one)</span>
            ) : (
              <Link
                to={`/console/support/${ticket.id}`}
                className="font-mono text-indigo-700 underline dark:text-indigo-300"
              >
                {ticket.reference}
              </Link>
            )}
            <StatusBadge status={ticket.status} />
            <span className="min-w-0 truncate text-fg-muted">{ticket.subject}</span>
          </li>
        ))}
      </ul>
    )}
  </div>
);

const ContextBody = ({ data }: { data: CustomerContext }) => {
  const dates = useDateFormat();
  return (
    <div className="space-y-5">
      <dl className="divide-y divide-line">
        <Row label="Organisation">
          <Link to={`/console/organizations/${data.organization.id}/health`} className="underline">
            {data.organization.name}
          </Link>
        </Row>
        <Row label="Tier">{data.tier ? TIER_LABELS[data.tier] : "No license"}</Row>
        <Row label="SLA response cap">
          {data.responseCapHours === null ? "None" : `${data.responseCapHours} h`}
        </Row>
        <Row label="License">
          {data.license ? <LicenseStatusBadge status={data.license.status} /> : <Badge>None</Badge>}
        </Row>
        {data.license && (
          <Row label="Expires">
            {data.license.expiresAt
              ? `${dates.day(data.license.expiresAt)} (${data.license.daysUntilExpiry} days)`
              : "Never"}
          </Row>
        )}
      </dl>
      <div className="flex items-start gap-3">
        <HealthGradeBadge grade={data.health.grade} score={data.health.score} size="sm" />
        {data.health.reasons.length === 0 ? (
          <p className="text-sm text-fg-muted">Healthy: nothing needs attention.</p>
        ) : (
          <ul aria-label="Health reasons" className="space-y-1 text-sm text-fg">
            {data.health.reasons.map((reason) => (
              <li key={reason.code}>{reason.message}</li>
            ))}
          </ul>
        )}
      </div>
      <TicketList
        label={`Open tickets (${data.openTickets.total}, ${data.openTickets.breached} breached)`}
        tickets={data.openTickets.soonestDue}
        current={data.ticketId}
      />
      <TicketList label="Recent tickets" tickets={data.recentTickets} current={data.ticketId} />
      <div>
        <h3 className="mb-2 text-sm font-medium text-fg">Usage this month ({data.usage.period})</h3>
        <UsageMeters metrics={data.usage.metrics} />
      </div>
    </div>
  );
};

/** Beside a ticket: who the customer is, their license, health, other tickets and usage. */
export const CustomerContextCard = ({ ticketId }: { ticketId: string }) => {
  const context = trpc.support.customerContext.useQuery({ ticketId });
  return (
    <Card title="Customer">
      <QueryState query={context}>{(data) => <ContextBody data={data} />}</QueryState>
    </Card>
  );
};
