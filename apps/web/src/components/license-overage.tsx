import type { AppRouter } from "@tessera/api";
import type { inferRouterOutputs } from "@trpc/server";
import { formatDate } from "./format-date.ts";

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
  if (!over) return <span className="text-slate-600 dark:text-slate-300">within the limit</span>;
  return over.inGrace && over.graceEndsAt ? (
    <span className="font-medium text-amber-700 dark:text-amber-300">
      over limit — grace until {formatDate(over.graceEndsAt)}
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
  <table className="w-full text-left text-sm" aria-label="Tolerance and grace per metric">
    <thead className="text-xs uppercase text-slate-500 dark:text-slate-400">
      <tr>
        <th scope="col" className="py-1 pr-4 font-medium">
          Metric
        </th>
        <th scope="col" className="py-1 pr-4 font-medium">
          Tolerance
        </th>
        <th scope="col" className="py-1 pr-4 font-medium">
          Grace
        </th>
        {license.overLimit && (
          <th scope="col" className="py-1 font-medium">
            Now
          </th>
        )}
      </tr>
    </thead>
    <tbody>
      {METRICS.map(([metric, label]) => {
        const policy = license.entitlements.overage[metric];
        const unlimited = license.entitlements.limits[metric] === null;
        return (
          <tr key={metric} className="border-t border-slate-200 dark:border-slate-700">
            <th scope="row" className="py-1 pr-4 font-normal">
              {label}
            </th>
            <td className="py-1 pr-4">{unlimited ? "—" : `${policy.tolerancePercent} % over`}</td>
            <td className="py-1 pr-4">{unlimited ? "—" : `${policy.graceDays} days`}</td>
            {license.overLimit && (
              <td className="py-1" data-testid={`over-limit-${metric}`}>
                {unlimited ? (
                  <span className="text-slate-600 dark:text-slate-300">unlimited</span>
                ) : (
                  <OverLimitNote over={license.overLimit.find((entry) => entry.metric === metric)} />
                )}
              </td>
            )}
          </tr>
        );
      })}
    </tbody>
  </table>
);
