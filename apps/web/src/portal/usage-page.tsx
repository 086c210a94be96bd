import { useQuery } from "@tanstack/react-query";
import { METRIC_LABELS, METRICS } from "@tessera/domain";
import { isCustomerAdmin, useRole } from "../auth/session.tsx";
import { Alert } from "../components/alert.tsx";
import { Card } from "../components/card.tsx";
import { PageHeader } from "../components/page-header.tsx";
import { QueryState } from "../components/query-state.tsx";
import { UsageAlerts } from "../components/usage-alerts.tsx";
import { UsageForecasts } from "../components/usage-forecasts.tsx";
import { UsageMeters } from "../components/usage-limits.tsx";
import { formatPeriod, formatUsedOfLimit } from "../components/usage-metrics.ts";
import { UsagePeriodFields, usagePeriodLabel, useUsagePeriod } from "../components/usage-period.tsx";
import { UsageReportView } from "../components/usage-report.tsx";
import { useTRPC } from "../trpc.ts";

/**
 * The organisation's usage against its license's limits, its alerts, and a report for the
 * period picked (last 30 days by default; kept in the URL) with its CSV.
 */
export const PortalUsagePage = () => {
  const trpc = useTRPC();
  const role = useRole();
  const limits = useQuery(trpc.usage.myLimits.queryOptions());
  const organization = useQuery(trpc.organizations.mine.queryOptions());
  const months = useQuery(trpc.usage.myMonths.queryOptions());
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
              <Card title={`This month (${formatPeriod(data.period)}, UTC)`}>
                <p className="mb-4 text-sm text-slate-600 dark:text-slate-300">{data.tier} license.</p>
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
            <p className="text-sm text-slate-600 dark:text-slate-300" data-testid="usage-period">
              {usagePeriodLabel(period)}. Dates are UTC days.
            </p>
            <UsageReportView range={period.range} fileName={organization.data?.slug ?? "organisation"} />
          </div>
        </Card>
      </div>
    </>
  );
};
