import { useQuery } from "@tanstack/react-query";
import { countOf, TICKET_PRIORITIES } from "@tessera/domain";
import { type ReactNode, useState } from "react";
import { Link } from "react-router";
import { useTRPC } from "../trpc.ts";
import { Card } from "./card.tsx";
import { QueryState } from "./query-state.tsx";
import { PRIORITY_LABELS } from "./ticket-parts.tsx";

const DAY = 86_400_000;

/** Minutes as "42 min", "3.5 h" or "2.1 d"; "—" without data. */
export const formatMinutes = (minutes: number | null) => {
  if (minutes === null) return "—";
  if (minutes < 60) return `${Math.round(minutes)} min`;
  if (minutes < 48 * 60) return `${(minutes / 60).toFixed(1)} h`;
  return `${(minutes / 1440).toFixed(1)} d`;
};

/**
 * One figure with its label (and a hint below), inside a `<dl>`; with `to`, the figure links
 * to the list it counts.
 */
export const Stat = ({
  label,
  value,
  hint,
  to,
}: {
  label: string;
  value: ReactNode;
  hint?: string;
  to?: string;
}) => (
  <div className="rounded-md border border-slate-200 dark:border-slate-700 p-3">
    <dt className="text-xs font-medium uppercase tracking-wide text-slate-500 dark:text-slate-400">
      {label}
    </dt>
    <dd className="mt-1 text-xl font-semibold tabular-nums text-slate-900 dark:text-slate-100">
      {to ? (
        <Link
          to={to}
          aria-label={`${label}: ${value}, show the list`}
          className="text-indigo-700 dark:text-indigo-300 hover:underline"
        >
          {value}
        </Link>
      ) : (
        value
      )}
    </dd>
    {hint && <dd className="text-xs text-slate-600 dark:text-slate-300">{hint}</dd>}
  </div>
);

/**
 * Open tickets per priority, most urgent first; each count links to the queue filtered to
 * that priority.
 */
export const OpenByPriority = ({ openByPriority }: { openByPriority: Record<string, number> }) => (
  <table className="w-full text-left text-sm">
    <caption className="sr-only">Open tickets by priority</caption>
    <thead className="sr-only">
      <tr>
        <th scope="col">Priority</th>
        <th scope="col">Open tickets</th>
      </tr>
    </thead>
    <tbody className="divide-y divide-slate-100 dark:divide-slate-800">
      {[...TICKET_PRIORITIES].reverse().map((priority) => (
        <tr key={priority}>
          <th scope="row" className="py-1.5 pr-4 font-normal text-slate-700 dark:text-slate-300">
            {PRIORITY_LABELS[priority]}
          </th>
          <td className="py-1.5 text-right tabular-nums text-slate-900 dark:text-slate-100">
            <Link
              className="text-indigo-700 dark:text-indigo-300 hover:underline"
              to={`/console/support?priority=${priority}`}
              aria-label={`${PRIORITY_LABELS[priority]}: ${openByPriority[priority] ?? 0} open, show them`}
            >
              {openByPriority[priority] ?? 0}
            </Link>
          </td>
        </tr>
      ))}
    </tbody>
  </table>
);

/** Support statistics for tickets opened in the last `days` days. */
export const useSupportStats = (days: number) => {
  const trpc = useTRPC();
  // Fixed when the page opens, so the query key stays the same between renders.
  const [range] = useState(() => {
    const to = new Date();
    return { from: new Date(to.getTime() - days * DAY), to };
  });
  return useQuery(trpc.support.stats.queryOptions(range));
};

/** Support at a glance over the last 30 days: open load, breach rate, medians, agent load. */
export const SupportStats = () => {
  const stats = useSupportStats(30);
  return (
    <Card title="Last 30 days">
      <QueryState query={stats}>
        {(data) => (
          <div className="space-y-6">
            <dl className="grid gap-3 sm:grid-cols-2 lg:grid-cols-4">
              <Stat label="Tickets opened" value={String(data.period.created)} />
              <Stat
                label="Breach rate"
                value={`${Math.round(data.breachRate * 1000) / 10}%`}
                hint="of the tickets opened in the period"
              />
              <Stat label="Median first response" value={formatMinutes(data.medianMinutesToFirstResponse)} />
              <Stat label="Median resolution" value={formatMinutes(data.medianMinutesToResolution)} />
              <Stat
                label="Customer satisfaction"
                value={
                  data.satisfaction.goodShare === null
                    ? "—"
                    : `${Math.round(data.satisfaction.goodShare * 1000) / 10}% good`
                }
                hint={`${countOf(data.satisfaction.rated, "rating")} in the period`}
              />
            </dl>
            <div className="grid gap-6 md:grid-cols-2">
              <div>
                <h3 className="mb-2 text-sm font-semibold text-slate-900 dark:text-slate-100">
                  Open by priority
                </h3>
                <OpenByPriority openByPriority={data.openByPriority} />
              </div>
              <div>
                <h3 className="mb-2 text-sm font-semibold text-slate-900 dark:text-slate-100">
                  Agent load (open tickets)
                </h3>
                {data.agentLoad.length === 0 ? (
                  <p className="text-sm text-slate-600 dark:text-slate-300">No staff users.</p>
                ) : (
                  <table className="w-full text-left text-sm">
                    <thead className="sr-only">
                      <tr>
                        <th scope="col">Agent</th>
                        <th scope="col">Open tickets</th>
                      </tr>
                    </thead>
                    <tbody className="divide-y divide-slate-100 dark:divide-slate-800">
                      {data.agentLoad.map((agent) => (
                        <tr key={agent.assigneeId}>
                          <th
                            scope="row"
                            className="py-1.5 pr-4 font-normal text-slate-700 dark:text-slate-300"
                          >
                            {agent.name}
                          </th>
                          <td className="py-1.5 text-right tabular-nums text-slate-900 dark:text-slate-100">
                            {agent.open}
                          </td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                )}
              </div>
            </div>
          </div>
        )}
      </QueryState>
    </Card>
  );
};
