import { TIER_LABELS } from "@tessera/domain";
import { Alert, Card, Select } from "@tessera/ui";
import { Link, useLocation, useNavigate, useParams, useSearchParams } from "react-router";
import { useRole } from "../auth/session.tsx";
import { useDateFormat } from "../components/dates/use-date-format.ts";
import { PageHeader } from "../components/page-header.tsx";
import { QueryState } from "../components/query-state.tsx";
import { canAcknowledgeAlerts, UsageAlerts } from "../components/usage-alerts.tsx";
import { UsageForecasts } from "../components/usage-forecasts.tsx";
import { UsageMeters } from "../components/usage-limits.tsx";

import { DayRangeFields, useDayRange } from "../components/usage-range.tsx";
import { UsageReportView } from "../components/usage-report.tsx";
import { trpc } from "../trpc.ts";

/** One organisation's usage: this month against its limits, daily charts over a range, alerts. */
export const OrganizationUsagePage = () => {
  const dates = useDateFormat();
  const { organizationId = "" } = useParams();
  const role = useRole();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  // A pick opens the other organisation's page (a new page, mounted afresh): the picker keeps the focus.
  const picked = (useLocation().state as { picked?: boolean } | null)?.picked === true;
  const organization = trpc.organizations.get.useQuery({ organizationId });
  const others = trpc.organizations.list.useQuery({ pageSize: 100 });
  const limits = trpc.usage.limits.useQuery({ organizationId });
  const range = useDayRange();
  const choices = [...(others.data?.items ?? []).map((entry) => ({ value: entry.id, label: entry.name }))];
  if (organization.data && !choices.some((choice) => choice.value === organizationId)) {
    choices.unshift({ value: organizationId, label: organization.data.name });
  }
  return (
    <QueryState query={organization}>
      {(org) => (
        <div className="space-y-6">
          <PageHeader
            title={`${org.name} · usage`}
            description={
              <>
                <Link className="text-indigo-700 dark:text-indigo-300 hover:underline" to="/console/usage">
                  All organisations’ usage
                </Link>
                {" · "}
                <Link
                  className="text-indigo-700 dark:text-indigo-300 hover:underline"
                  to={`/console/organizations/${org.id}`}
                >
                  Organisation details
                </Link>
              </>
            }
            actions={
              <div className="w-64">
                <Select
                  label="Organisation"
                  value={organizationId}
                  onChange={(id) =>
                    navigate(
                      { pathname: `/console/usage/${id}`, search: params.toString() },
                      { state: { picked: true } },
                    )
                  }
                  options={choices}
                  autoFocus={picked}
                />
              </div>
            }
          />
          <Card
            title={limits.data ? `This month (${dates.utcMonth(limits.data.period)}, UTC)` : "This month"}
          >
            <QueryState query={limits}>
              {(data) =>
                data.licenseId === null ? (
                  <Alert tone="info">
                    No license in force: usage is not measured against any limit.{" "}
                    <Link className="underline" to={`/console/licenses?organizationId=${org.id}`}>
                      Licenses of {org.name}
                    </Link>
                  </Alert>
                ) : (
                  <>
                    <p className="mb-4 text-sm text-fg-muted">
                      {data.tier ? `${TIER_LABELS[data.tier]} license.` : "License in force."}
                    </p>
                    <UsageMeters metrics={data.metrics} />
                  </>
                )
              }
            </QueryState>
          </Card>
          {limits.data?.forecasts ? (
            <Card title="Forecast">
              <UsageForecasts forecasts={limits.data.forecasts} />
            </Card>
          ) : null}
          <Card title="Daily usage">
            <div className="space-y-4">
              <div className="max-w-xl">
                <DayRangeFields range={range} />
              </div>
              <UsageReportView organizationId={org.id} range={range.range} fileName={org.slug} />
            </div>
          </Card>
          <Card title="Alerts">
            <UsageAlerts scope="staff" organizationId={org.id} canAcknowledge={canAcknowledgeAlerts(role)} />
          </Card>
        </div>
      )}
    </QueryState>
  );
};
