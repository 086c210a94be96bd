import { METRIC_LABELS, METRICS, TIER_LABELS } from "@tessera/domain";
import { Alert, Card } from "@tessera/ui";
import { isCustomerAdmin, useRole } from "../auth/session.tsx";
import { useDateFormat } from "../components/dates/use-date-format.ts";
import { PageHeader } from "../components/page-header.tsx";
import { QueryState } from "../components/query-state.tsx";
import { UsageAlerts } from "../components/usage-alerts.tsx";
import { UsageForecasts } from "../components/usage-forecasts.tsx";
import { UsageMeters } from "../components/usage-limits.tsx";
import { formatUsedOfLimit } from "../components/usage-metrics.ts";
import { UsagePeriodFields, usagePeriodLabel, useUsagePeriod } from "../components/usage-period.tsx";
import { UsageReportView } from "../components/usage-report.tsx";
import { trpc } from "../trpc.ts";

/**
 * The organisation's usage against its license's limits, its alerts, and a report for the
 * period picked (last 30 days by default; kept in the URL) with its CSV.
 */
export const PortalUsagePage = () => {
  const dates = useDateFormat();
  const role = useRole();
  const limits = trpc.usage.myLimits.useQuery();
  const organization = trpc.organizations.mine.useQuery();
  const months = trpc.usage.myMonths.useQuery();
  const period = useUsagePeriod();
  return (
    <>
      <PageHeader
        title="Usage"
        description="What your organisation uses this month (UTC) against your license's limits."
      />
      <QueryState query={limits}>
        {(data) =>
          data.licenseId === null ? (
            <Alert tone="info">
              Your organisation has no license in force, so usage is not measured against any limit.
            </Alert>
          ) : (
            <div className="space-y-6">
              {METRICS.filter((metric) => data.metrics[metric].status !== "OK").map((metric) => {
                const check = data.metrics[metric];
                return (
                  <Alert
                    key={metric}
                    tone={check.status === "EXCEEDED" ? "error" : "warning"}
                    title={`${METRIC_LABELS[metric]}: ${check.percent}% of your limit`}
                  >
                    {formatUsedOfLimit(metric, check.used, check.limit)}.{" "}
                    {check.status === "EXCEEDED"
                      ? "You are over your license's limit. Contact your account manager to upgrade."
                      : "You are close to your license's limit."}
                  </Alert>
                );
              })}
              <Card title={`This month (${dates.utcMonth(data.period)}, UTC)`}>
                <p className="mb-4 text-sm text-fg-muted">
                  {data.tier ? TIER_LABELS[data.tier] : ""} license.
                </p>
                <UsageMeters metrics={data.metrics} />
              </Card>
              {data.forecasts ? (
                <Card title="Forecast">
                  <UsageForecasts forecasts={data.forecasts} />
                </Card>
              ) : null}
            </div>
          )
        }
      </QueryState>
      <div className="mt-6 space-y-6">
        <Card title="Alerts">
          <UsageAlerts scope="own" canAcknowledge={isCustomerAdmin(role)} />
        </Card>
        <Card title="Usage report">
          <div className="space-y-4">
            <UsagePeriodFields period={period} months={months.data?.months ?? []} />
            <p className="text-sm text-fg-muted" data-testid="usage-period">
              {usagePeriodLabel(period, dates)}. Dates are UTC days.
            </p>
            <UsageReportView range={period.range} fileName={organization.data?.slug ?? "organisation"} />
          </div>
        </Card>
      </div>
    </>
  );
};
