import type { AppRouter } from "@tessera/api";
import { Table, TableBody, TableCaption, TableCell, TableHead, TableHeader, TableRow } from "@tessera/ui";
import type { inferRouterOutputs } from "@trpc/server";
import { useDateFormat } from "./dates/use-date-format.ts";

type License = inferRouterOutputs<AppRouter>["licenses"]["get"];

const METRICS = [
  ["ACTIVE_USERS", "Active users"],
  ["COURSES", "Courses"],
  ["API_CALLS", "API calls / month"],
  ["STORAGE_BYTES", "Storage"],
] as const;

type OverLimit = NonNullable<License["overLimit"]>[number];

/** Where a metric stands past its limit: in grace until a date, or enforced. */
const OverLimitNote = ({ over }: { over: OverLimit | undefined }) => {
  const dates = useDateFormat();
  if (!over) return <span className="text-fg-muted">within the limit</span>;
  return over.inGrace && over.graceEndsAt ? (
    <span className="font-medium text-amber-700 dark:text-amber-300">
      over limit — grace until {dates.instant(over.graceEndsAt)}
    </span>
  ) : (
    <span className="font-medium text-red-700 dark:text-red-300">over limit — enforced</span>
  );
};

/**
 * Per metric: how far past the limit use is still allowed and for how long, and — for the
 * license read on its own — whether it is past the limit now.
 */
export const LicenseOverage = ({ license }: { license: License }) => (
  <Table label="Tolerance and grace per metric">
    <TableCaption>Tolerance and grace per metric</TableCaption>
    <TableHeader>
      <tr>
        <TableHead>Metric</TableHead>
        <TableHead>Tolerance</TableHead>
        <TableHead>Grace</TableHead>
        {license.overLimit && <TableHead>Now</TableHead>}
      </tr>
    </TableHeader>
    <TableBody>
      {METRICS.map(([metric, label]) => {
        const policy = license.entitlements.overage[metric];
        const unlimited = license.entitlements.limits[metric] === null;
        return (
          <TableRow key={metric}>
            <TableHead scope="row">{label}</TableHead>
            <TableCell>{unlimited ? "—" : `${policy.tolerancePercent} % over`}</TableCell>
            <TableCell>{unlimited ? "—" : `${policy.graceDays} days`}</TableCell>
            {license.overLimit && (
              <TableCell data-testid={`over-limit-${metric}`}>
                {unlimited ? (
                  <span className="text-fg-muted">unlimited</span>
                ) : (
                  <OverLimitNote over={license.overLimit.find((entry) => entry.metric === metric)} />
                )}
              </TableCell>
            )}
          </TableRow>
        );
      })}
    </TableBody>
  </Table>
);
