import { countOf, LICENSE_STATUSES, TIER_LABELS, TIERS } from "@tessera/domain";
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
import { Link } from "react-router";
import { useDateFormat } from "../components/dates/use-date-format.ts";
import { QueryState } from "../components/query-state.tsx";
import { Stat } from "../components/support-stats.tsx";
import { trpc } from "../trpc.ts";

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
  const stats = trpc.licenses.stats.useQuery();
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
            <Table label="License counts by tier and status">
              <TableCaption>License counts by tier and status</TableCaption>
              <TableHeader>
                <tr>
                  <TableHead>Tier</TableHead>
                  {LICENSE_STATUSES.map((status) => (
                    <TableHead key={status} className="text-right">
                      {STATUS_LABELS[status]}
                    </TableHead>
                  ))}
                </tr>
              </TableHeader>
              <TableBody>
                {TIERS.map((tier) => (
                  <TableRow key={tier}>
                    <TableHead scope="row">{TIER_LABELS[tier]}</TableHead>
                    {LICENSE_STATUSES.map((status) => (
                      <TableCell key={status} className="text-right tabular-nums">
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
                      </TableCell>
                    ))}
                  </TableRow>
                ))}
              </TableBody>
            </Table>
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
  const dates = useDateFormat();
  const expiring = trpc.licenses.expiringSummary.useQuery({ days: EXPIRY_WINDOW_DAYS });
  return (
    <Card title={`Expiring within ${EXPIRY_WINDOW_DAYS} days`}>
      <QueryState query={expiring}>
        {(summary) => (
          <>
            <dl className="mb-4">
              <Stat label="Licenses expiring" value={summary.total} to={EXPIRING_LIST} />
            </dl>
            {summary.first.length === 0 ? (
              <p className="text-sm text-fg-muted">
                No license expires in the next {EXPIRY_WINDOW_DAYS} days.
              </p>
            ) : (
              <ul className="divide-y divide-line text-sm">
                {summary.first.slice(0, LIST_LIMIT).map((license) => (
                  <li key={license.id} className="flex justify-between gap-4 py-1.5">
                    <Link
                      className="text-indigo-700 dark:text-indigo-300 hover:underline"
                      to={`/console/licenses/${license.id}`}
                    >
                      {license.organizationName ?? license.keyHint}
                    </Link>
                    <span className="whitespace-nowrap text-fg-muted">{dates.day(license.expiresAt)}</span>
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
