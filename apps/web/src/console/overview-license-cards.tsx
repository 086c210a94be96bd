import { useQuery } from "@tanstack/react-query";
import { countOf, LICENSE_STATUSES, TIER_LABELS, TIERS } from "@tessera/domain";
import { Link } from "react-router";
import { Card } from "../components/card.tsx";
import { formatDay } from "../components/format-date.ts";
import { QueryState } from "../components/query-state.tsx";
import { Stat } from "../components/support-stats.tsx";
import { useTRPC } from "../trpc.ts";

const EXPIRY_WINDOW_DAYS = 30;
const EXPIRING_LIST = `/console/licenses?status=ACTIVE&expiring=${EXPIRY_WINDOW_DAYS}`;
export const LIST_LIMIT = 5;

const STATUS_LABELS: Record<(typeof LICENSE_STATUSES)[number], string> = {
  PENDING: "Pending",
  ACTIVE: "Active",
  SUSPENDED: "Suspended",
  EXPIRED: "Expired",
  CANCELLED: "Cancelled",
};

/**
 * Link names avoid the navigation labels (Licenses, Usage, Support …) so that the
 * navigation links stay unambiguous by name.
 */
export const MoreLink = ({ to, children }: { to: string; children: string }) => (
  <p className="mt-4 text-sm">
    <Link className="font-medium text-indigo-700 dark:text-indigo-300 hover:underline" to={to}>
      {children} <span aria-hidden>→</span>
    </Link>
  </p>
);

export const LicensesCard = () => {
  const trpc = useTRPC();
  const stats = useQuery(trpc.licenses.stats.queryOptions());
  return (
    <Card title="License portfolio">
      <QueryState query={stats}>
        {(data) => (
          <>
            <dl className="mb-4 grid gap-3 sm:grid-cols-3">
              <Stat label="All" value={data.total} to="/console/licenses" />
              <Stat label="Active" value={data.byStatus.ACTIVE} to="/console/licenses?status=ACTIVE" />
              <Stat
                label="Seats licensed"
                value={data.seats.licensed}
                hint={seatsHint(data.seats.unlimitedLicenses)}
              />
            </dl>
            <div className="overflow-x-auto">
              <table className="w-full text-left text-sm">
                <caption className="sr-only">License counts by tier and status</caption>
                <thead className="border-b border-slate-200 dark:border-slate-700 text-xs uppercase tracking-wide text-slate-500 dark:text-slate-400">
                  <tr>
                    <th scope="col" className="py-2 pr-4 font-medium">
                      Tier
                    </th>
                    {LICENSE_STATUSES.map((status) => (
                      <th key={status} scope="col" className="py-2 pr-4 text-right font-medium">
                        {STATUS_LABELS[status]}
                      </th>
                    ))}
                  </tr>
                </thead>
                <tbody className="divide-y divide-slate-100 dark:divide-slate-800">
                  {TIERS.map((tier) => (
                    <tr key={tier}>
                      <th scope="row" className="py-1.5 pr-4 font-normal text-slate-700 dark:text-slate-300">
                        {TIER_LABELS[tier]}
                      </th>
                      {LICENSE_STATUSES.map((status) => (
                        <td
                          key={status}
                          className="py-1.5 pr-4 text-right tabular-nums text-slate-900 dark:text-slate-100"
                        >
                          {data.byTier[tier][status] === 0 ? (
                            0
                          ) : (
                            <Link
                              className="text-indigo-700 dark:text-indigo-300 hover:underline"
                              to={`/console/licenses?tier=${tier}&status=${status}`}
                              aria-label={`${TIER_LABELS[tier]}, ${STATUS_LABELS[status]}: ${data.byTier[tier][status]}`}
                            >
                              {data.byTier[tier][status]}
                            </Link>
                          )}
                        </td>
                      ))}
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </>
        )}
      </QueryState>
      <MoreLink to="/console/licenses">Open the license list</MoreLink>
    </Card>
  );
};

const seatsHint = (unlimited: number) =>
  unlimited ? `plus ${countOf(unlimited, "license")} without a user limit` : undefined;

export const ExpiringCard = () => {
  const trpc = useTRPC();
  const expiring = useQuery(trpc.licenses.expiringSummary.queryOptions({ days: EXPIRY_WINDOW_DAYS }));
  return (
    <Card title={`Expiring within ${EXPIRY_WINDOW_DAYS} days`}>
      <QueryState query={expiring}>
        {(summary) => (
          <>
            <dl className="mb-4">
              <Stat label="Licenses expiring" value={summary.total} to={EXPIRING_LIST} />
            </dl>
            {summary.first.length === 0 ? (
              <p className="text-sm text-slate-600 dark:text-slate-300">
                No license expires in the next {EXPIRY_WINDOW_DAYS} days.
              </p>
            ) : (
              <ul className="divide-y divide-slate-100 dark:divide-slate-800 text-sm">
                {summary.first.slice(0, LIST_LIMIT).map((license) => (
                  <li key={license.id} className="flex justify-between gap-4 py-1.5">
                    <Link
                      className="text-indigo-700 dark:text-indigo-300 hover:underline"
                      to={`/console/licenses/${license.id}`}
                    >
                      {license.organizationName ?? license.keyHint}
                    </Link>
                    <span className="whitespace-nowrap text-slate-700 dark:text-slate-300">
                      {formatDay(license.expiresAt)}
                    </span>
                  </li>
                ))}
              </ul>
            )}
          </>
        )}
      </QueryState>
      <MoreLink to={EXPIRING_LIST}>Review the expiring licenses</MoreLink>
    </Card>
  );
};
