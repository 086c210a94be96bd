import { Card } from "@tessera/ui";
import { lazy, Suspense } from "react";
import { Loading } from "../components/loading.tsx";
import { PageHeader } from "../components/page-header.tsx";
import { QueryState } from "../components/query-state.tsx";
import { trpc } from "../trpc.ts";
import { AlertsCard, AtRiskCard, TicketsCard } from "./overview-attention-cards.tsx";
import { ExpiringCard, LicensesCard } from "./overview-license-cards.tsx";

const TREND_MONTHS = 12;

const LicenseTrendChart = lazy(() =>
  import("../components/trend-charts.tsx").then((module) => ({ default: module.LicenseTrendChart })),
);
const UsageTrendCharts = lazy(() =>
  import("../components/trend-charts.tsx").then((module) => ({ default: module.UsageTrendCharts })),
);

const TrendsCards = () => {
  const licenses = trpc.licenses.trend.useQuery({ months: TREND_MONTHS });
  const usage = trpc.usage.trend.useQuery({ months: TREND_MONTHS });
  return (
    <>
      <Card title={`Licenses over the last ${TREND_MONTHS} months`}>
        <QueryState query={licenses}>
          {(trend) => (
            <Suspense fallback={<Loading label="Loading chart…" />}>
              <LicenseTrendChart trend={trend} />
            </Suspense>
          )}
        </QueryState>
      </Card>
      <Card title={`Usage over the last ${TREND_MONTHS} months`}>
        <QueryState query={usage}>
          {(trend) => (
            <Suspense fallback={<Loading label="Loading charts…" />}>
              <UsageTrendCharts trend={trend} />
            </Suspense>
          )}
        </QueryState>
      </Card>
    </>
  );
};

/** The staff console's home: the numbers that need attention, each linking to its list, then the trends. */
export const OverviewPage = () => (
  <>
    <PageHeader title="Overview" description="Licenses, limits and support at a glance." />
    <div className="grid gap-6 lg:grid-cols-2">
      <LicensesCard />
      <ExpiringCard />
      <AtRiskCard />
      <TicketsCard />
      <AlertsCard />
      <TrendsCards />
    </div>
  </>
);
