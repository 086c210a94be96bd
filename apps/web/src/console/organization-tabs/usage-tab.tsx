import { TIER_LABELS } from "@tessera/domain";
import { Card } from "@tessera/ui";
import { Link } from "react-router";
import { useDateFormat } from "../../components/dates/use-date-format.ts";
import { QueryState } from "../../components/query-state.tsx";
import { UsageMeters } from "../../components/usage-limits.tsx";
import { trpc } from "../../trpc.ts";

/** This month against the limits; the charts, forecast and alerts are on the usage page. */
export const UsageTab = ({ organizationId }: { organizationId: string }) => {
  const dates = useDateFormat();
  const limits = trpc.usage.limits.useQuery({ organizationId });
  return (
    <Card
      title={limits.data ? `This month (${dates.utcMonth(limits.data.period)}, UTC)` : "This month"}
      actions={
        <Link
          className="text-sm text-indigo-700 dark:text-indigo-300 hover:underline"
          to={`/console/usage/${organizationId}`}
        >
          Full usage
        </Link>
      }
    >
      <QueryState query={limits}>
        {(data) =>
          data.licenseId === null || data.tier === null ? (
            <p className="text-sm text-fg-muted">
              No license in force: usage is not measured against any limit.
            </p>
          ) : (
            <>
              <p className="mb-4 text-sm text-fg-muted">{TIER_LABELS[data.tier]} license.</p>
              <UsageMeters metrics={data.metrics} />
            </>
          )
        }
      </QueryState>
    </Card>
  );
};
