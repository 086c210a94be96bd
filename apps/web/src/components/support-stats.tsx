import { countOf, TICKET_PRIORITIES } from "@tessera/domain";
import {
  Card,
  Table,
  TableBody,
  TableCaption,
  TableCell,
  TableHead,
  TableHeader,
  TableRow,
} from "@tessera/ui";
import { type ReactNode, useState } from "react";
import { Link } from "react-router";
import { trpc } from "../trpc.ts";
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
  <div className="rounded-md border border-line p-3">
    <dt className="text-xs font-medium uppercase tracking-wide text-fg-muted">{label}</dt>
    <dd className="mt-1 text-xl font-semibold tabular-nums text-fg">
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
    {hint && <dd className="text-xs text-fg-muted">{hint}</dd>}
  </div>
);

/**
 * Open tickets per priority, most urgent first; each count links to the queue filtered to
 * that priority.
 */
export const OpenByPriority = ({ openByPriority }: { openByPriority: Record<string, number> }) => (
  <CountTable
    caption="Open tickets, most urgent first"
    head={["Priority", "Open tickets"]}
    rows={[...TICKET_PRIORITIES].reverse().map((priority) => ({
      key: priority,
      name: PRIORITY_LABELS[priority],
      count: (
        <Link
          className="text-indigo-700 dark:text-indigo-300 hover:underline"
          to={`/console/support?priority=${priority}`}
          aria-label={`${PRIORITY_LABELS[priority]}: ${openByPriority[priority] ?? 0} open, show them`}
        >
          {openByPriority[priority] ?? 0}
        </Link>
      ),
    }))}
  />
);

/** A name and a count a row, the heading above saying what is counted (the column heads are for screen readers). */
const CountTable = ({
  caption,
  head,
  rows,
}: {
  caption: string;
  head: [string, string];
  rows: { key: string; name: string; count: ReactNode }[];
}) => (
  <Table label={caption}>
    <TableCaption>{caption}</TableCaption>
    <TableHeader className="sr-only">
      <tr>
        <TableHead>{head[0]}</TableHead>
        <TableHead>{head[1]}</TableHead>
      </tr>
    </TableHeader>
    <TableBody>
      {rows.map((row) => (
        <TableRow key={row.key}>
          <TableHead scope="row">{row.name}</TableHead>
          <TableCell className="text-right tabular-nums">{row.count}</TableCell>
        </TableRow>
      ))}
    </TableBody>
  </Table>
);

/** Support statistics for tickets opened in the last `days` days. */
export const useSupportStats = (days: number) => {
  // Fixed when the page opens, so the query key stays the same between renders.
  const [range] = useState(() => {
    const to = new Date();
    return { from: new Date(to.getTime() - days * DAY), to };
  });
  return trpc.support.stats.useQuery(range);
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
                <h3 className="mb-2 text-sm font-semibold text-fg">Open by priority</h3>
                <OpenByPriority openByPriority={data.openByPriority} />
              </div>
              <div>
                <h3 className="mb-2 text-sm font-semibold text-fg">Agent load (open tickets)</h3>
                {data.agentLoad.length === 0 ? (
                  <p className="text-sm text-fg-muted">No staff users.</p>
                ) : (
                  <CountTable
                    caption="Open tickets per agent"
                    head={["Agent", "Open tickets"]}
                    rows={data.agentLoad.map((agent) => ({
                      key: agent.assigneeId,
                      name: agent.name,
                      count: agent.open,
                    }))}
                  />
                )}
              </div>
            </div>
          </div>
        )}
      </QueryState>
    </Card>
  );
};
