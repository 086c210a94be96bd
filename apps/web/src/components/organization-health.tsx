import type { AppRouter } from "@tessera/api";
import {
  countOf,
  type HealthArea,
  type HealthGrade,
  type HealthSeverity,
  TICKET_PRIORITIES,
  TIER_LABELS,
  type Tier,
} from "@tessera/domain";
import { Badge, Card, cx } from "@tessera/ui";
import type { inferRouterOutputs } from "@trpc/server";
import { Link } from "react-router";
import { AuditTable } from "./audit-table.tsx";
import { useDateFormat } from "./dates/use-date-format.ts";
import { More, Row } from "./health-parts.tsx";
import { WhiteLabelCard } from "./health-white-label-card.tsx";
import { LicenseStatusBadge } from "./license-badges.tsx";
import { Stat } from "./support-stats.tsx";
import { currentClock, PRIORITY_LABELS, PriorityBadge, SlaCountdown } from "./ticket-parts.tsx";
import { UsageMeters } from "./usage-limits.tsx";

export type OrganizationHealth = inferRouterOutputs<AppRouter>["organizations"]["health"];

/**
 * Where each part of the summary leads: the console's pages for one organisation, or the
 * portal's; null where the viewer may not go (a portal member has no settings or audit).
 */
export type HealthLinks = Record<HealthArea | "AUDIT", string | null> & {
  ticket: (ticketId: string) => string;
  /** Which app the audit entries' names link into. */
  area: "console" | "portal";
};

export const consoleHealthLinks = (organizationId: string, licenseId: string | null): HealthLinks => ({
  LICENSE: licenseId
    ? `/console/licenses/${licenseId}`
    : `/console/licenses?organizationId=${organizationId}`,
  USAGE: `/console/usage/${organizationId}`,
  SUPPORT: `/console/support?organizationId=${organizationId}`,
  WHITE_LABEL: `/console/organizations/${organizationId}?tab=white-label`,
  AUDIT: `/console/audit?organizationId=${organizationId}`,
  ticket: (ticketId) => `/console/support/${ticketId}`,
  area: "console",
});

export const portalHealthLinks = (isAdmin: boolean): HealthLinks => ({
  LICENSE: "/portal/license",
  USAGE: "/portal/usage",
  SUPPORT: "/portal/tickets",
  WHITE_LABEL: isAdmin ? "/portal/settings" : null,
  AUDIT: isAdmin ? "/portal/audit" : null,
  ticket: (ticketId) => `/portal/tickets/${ticketId}`,
  area: "portal",
});

const GRADE_CLASSES: Record<HealthGrade, string> = {
  A: "bg-emerald-100 text-emerald-900 dark:bg-emerald-900 dark:text-emerald-100",
  B: "bg-sky-100 text-sky-900 dark:bg-sky-900 dark:text-sky-100",
  C: "bg-amber-100 text-amber-900 dark:bg-amber-900 dark:text-amber-100",
  D: "bg-red-100 text-red-900 dark:bg-red-900 dark:text-red-100",
};

const SEVERITIES: Record<HealthSeverity, { tone: "red" | "amber" | "blue"; label: string }> = {
  CRITICAL: { tone: "red", label: "Critical" },
  WARNING: { tone: "amber", label: "Warning" },
  INFO: { tone: "blue", label: "Note" },
};

const AREA_LINK_TEXT: Record<HealthArea, string> = {
  LICENSE: "See the license",
  USAGE: "See usage",
  SUPPORT: "See tickets",
  WHITE_LABEL: "See white-label settings",
};

/** The grade as a letter in a coloured square, named in words for screen readers. */
export const HealthGradeBadge = ({
  grade,
  score,
  size = "lg",
}: {
  grade: HealthGrade;
  score: number;
  size?: "sm" | "lg";
}) => (
  <span
    role="img"
    aria-label={`Health grade ${grade}, score ${score} of 100`}
    className={cx(
      "inline-flex items-center justify-center rounded-md font-bold",
      size === "lg" ? "h-14 w-14 text-3xl" : "h-7 w-7 text-sm",
      GRADE_CLASSES[grade],
    )}
  >
    {grade}
  </span>
);

const GradeCard = ({ health, links }: { health: OrganizationHealth; links: HealthLinks }) => (
  <Card title="Health">
    <div className="flex flex-wrap items-start gap-5">
      <HealthGradeBadge grade={health.grade} score={health.score} />
      <div className="min-w-64 flex-1">
        <p className="text-sm text-fg-muted">
          Score <span className="font-semibold tabular-nums">{health.score}</span> of 100
        </p>
        {health.reasons.length === 0 ? (
          <p className="mt-1 text-sm text-fg-muted">Nothing needs attention.</p>
        ) : (
          <ul aria-label="Reasons for the grade" className="mt-2 space-y-1.5">
            {health.reasons.map((reason) => (
              <li key={reason.code} className="flex flex-wrap items-center gap-2 text-sm">
                <Badge tone={SEVERITIES[reason.severity].tone}>{SEVERITIES[reason.severity].label}</Badge>
                <span className="text-fg">{reason.message}</span>
                <More to={links[reason.area]}>{AREA_LINK_TEXT[reason.area]}</More>
              </li>
            ))}
          </ul>
        )}
      </div>
    </div>
  </Card>
);

const LicenseCard = ({ license, link }: { license: OrganizationHealth["license"]; link: string | null }) => {
  const dates = useDateFormat();
  return (
    <Card title="License" actions={<More to={link}>License details</More>}>
      {license ? (
        <dl className="divide-y divide-line">
          <Row label="Tier">{TIER_LABELS[license.tier as Tier]}</Row>
          <Row label="Status">
            <LicenseStatusBadge status={license.status} />
          </Row>
          <Row label="Expires">
            {license.expiresAt ? `${dates.day(license.expiresAt)} (${license.daysUntilExpiry} days)` : "—"}
          </Row>
          <Row label="Auto-renew">{license.autoRenew ? "Yes" : "No"}</Row>
          <Row label="Key">{license.keyHint}</Row>
        </dl>
      ) : (
        <p className="text-sm text-fg-muted">No license yet.</p>
      )}
    </Card>
  );
};

const UsageCard = ({ health, link }: { health: OrganizationHealth; link: string | null }) => (
  <Card title="Usage against limits" actions={<More to={link}>Usage details</More>}>
    {health.usage.licenseId ? (
      <>
        <UsageMeters metrics={health.usage.metrics} />
        <p className="mt-4 text-sm text-fg-muted">
          {health.alerts.unacknowledged === 0
            ? "No unacknowledged alerts."
            : `${countOf(health.alerts.unacknowledged, "unacknowledged alert")}.`}
        </p>
      </>
    ) : (
      <p className="text-sm text-fg-muted">No license in force, so no limits apply.</p>
    )}
  </Card>
);

const SupportCard = ({ tickets, links }: { tickets: OrganizationHealth["tickets"]; links: HealthLinks }) => (
  <Card title="Open tickets and SLA" actions={<More to={links.SUPPORT}>All tickets</More>}>
    <dl className="grid grid-cols-3 gap-3">
      <Stat label="Open" value={tickets.open} />
      <Stat label="Past SLA" value={tickets.breached} />
      <Stat label="At risk" value={tickets.atRisk} />
    </dl>
    <p className="mt-3 text-sm text-fg-muted">
      {TICKET_PRIORITIES.map(
        (priority) => `${PRIORITY_LABELS[priority]} ${tickets.openByPriority[priority]}`,
      ).join(" · ")}
    </p>
    {tickets.oldestDue.length > 0 && (
      <ul aria-label="Open tickets, soonest due first" className="mt-3 divide-y divide-line">
        {tickets.oldestDue.map((ticket) => {
          const { name, clock, stopped } = currentClock(ticket);
          return (
            <li key={ticket.id} className="flex flex-wrap items-center justify-between gap-2 py-1.5 text-sm">
              <span className="flex min-w-0 items-center gap-2">
                <PriorityBadge priority={ticket.priority} />
                <Link
                  className="truncate font-medium text-indigo-700 dark:text-indigo-300 hover:underline"
                  to={links.ticket(ticket.id)}
                >
                  {ticket.reference} {ticket.subject}
                </Link>
              </span>
              <SlaCountdown clock={clock} stopped={stopped} label={name} />
            </li>
          );
        })}
      </ul>
    )}
  </Card>
);

/**
 * One organisation on one page: the grade and its reasons, then license, usage against
 * limits, tickets and SLA, white-label status and (for those who may see it) recent audit.
 */
export const HealthSummary = ({ health, links }: { health: OrganizationHealth; links: HealthLinks }) => (
  <div className="space-y-6">
    <GradeCard health={health} links={links} />
    <div className="grid gap-6 lg:grid-cols-2">
      <LicenseCard license={health.license} link={links.LICENSE} />
      <SupportCard tickets={health.tickets} links={links} />
      <UsageCard health={health} link={links.USAGE} />
      <WhiteLabelCard
        whiteLabel={health.whiteLabel}
        domainPending={health.reasons.some((reason) => reason.code === "DOMAIN_PENDING")}
        link={links.WHITE_LABEL}
      />
    </div>
    {health.audit && (
      <Card title="Recent activity" actions={<More to={links.AUDIT}>Full audit log</More>}>
        <AuditTable rows={health.audit} area={links.area} />
      </Card>
    )}
  </div>
);
