import { useQuery } from "@tanstack/react-query";
import type { AppRouter } from "@tessera/api";
import type { inferRouterOutputs } from "@trpc/server";
import type { ReactNode } from "react";
import { Link } from "react-router";
import { Badge } from "../components/badge.tsx";
import { Card } from "../components/card.tsx";
import { formatDay } from "../components/format-date.ts";
import { LicenseStatusBadge } from "../components/license-badges.tsx";
import { HealthGradeBadge } from "../components/organization-health.tsx";
import { QueryState } from "../components/query-state.tsx";
import { StatusBadge } from "../components/ticket-parts.tsx";
import { UsageMeters } from "../components/usage-limits.tsx";
import { useTRPC } from "../trpc.ts";

type CustomerContext = inferRouterOutputs<AppRouter>["support"]["customerContext"];
type ContextTicket = CustomerContext["recentTickets"][number];

const Row = ({ label, children }: { label: string; children: ReactNode }) => (
  <div className="flex items-baseline justify-between gap-3 py-1.5 text-sm">
    <dt className="text-slate-600 dark:text-slate-300">{label}</dt>
    <dd className="text-right text-slate-900 dark:text-slate-100">{children}</dd>
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
    <h3 className="text-sm font-medium text-slate-800 dark:text-slate-200">{label}</h3>
    {tickets.length === 0 ? (
      <p className="mt-1 text-sm text-slate-600 dark:text-slate-300">None.</p>
    ) : (
      <ul aria-label={label} className="mt-1 space-y-1">
        {tickets.map((ticket) => (
          <li key={ticket.id} className="flex flex-wrap items-center gap-2 text-sm">
            {ticket.id === current ? (
              <span className="font-mono text-slate-900 dark:text-slate-100">
                {ticket.reference} (this one)
              </span>
            ) : (
              <Link
                to={`/console/support/${ticket.id}`}
                className="font-mono text-indigo-700 underline dark:text-indigo-300"
              >
                {ticket.reference}
              </Link>
            )}
            <StatusBadge status={ticket.status} />
            <span className="min-w-0 truncate text-slate-700 dark:text-slate-300">{ticket.subject}</span>
          </li>
        ))}
      </ul>
    )}
  </div>
);

const ContextBody = ({ data }: { data: CustomerContext }) => (
  <div className="space-y-5">
    <dl className="divide-y divide-slate-100 dark:divide-slate-800">
      <Row label="Organisation">
        <Link to={`/console/organizations/${data.organization.id}/health`} className="underline">
          {data.organization.name}
        </Link>
      </Row>
      <Row label="Tier">{data.tier ?? "No license"}</Row>
      <Row label="SLA response cap">
        {data.responseCapHours === null ? "None" : `${data.responseCapHours} h`}
      </Row>
      <Row label="License">
        {data.license ? <LicenseStatusBadge status={data.license.status} /> : <Badge>None</Badge>}
      </Row>
      {data.license && (
        <Row label="Expires">
          {data.license.expiresAt
            ? `${formatDay(data.license.expiresAt)} (${data.license.daysUntilExpiry} days)`
            : "Never"}
        </Row>
      )}
    </dl>
    <div className="flex items-start gap-3">
      <HealthGradeBadge grade={data.health.grade} score={data.health.score} size="sm" />
      {data.health.reasons.length === 0 ? (
        <p className="text-sm text-slate-700 dark:text-slate-300">Healthy: nothing needs attention.</p>
      ) : (
        <ul aria-label="Health reasons" className="space-y-1 text-sm text-slate-900 dark:text-slate-100">
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
      <h3 className="mb-2 text-sm font-medium text-slate-800 dark:text-slate-200">
        Usage this month ({data.usage.period})
      </h3>
      <UsageMeters metrics={data.usage.metrics} />
    </div>
  </div>
);

/** Beside a ticket: who the customer is, their license, health, other tickets and usage. */
export const CustomerContextCard = ({ ticketId }: { ticketId: string }) => {
  const trpc = useTRPC();
  const context = useQuery(trpc.support.customerContext.queryOptions({ ticketId }));
  return (
    <Card title="Customer">
      <QueryState query={context}>{(data) => <ContextBody data={data} />}</QueryState>
    </Card>
  );
};
