import { Link } from "react-router";
import { Badge } from "./badge.tsx";
import { formatDate } from "./format-date.ts";

export interface AuditRow {
  id: string;
  createdAt: Date;
  actorLabel: string;
  organizationId: string | null;
  action: string;
  targetType: string;
  targetId: string | null;
  before: unknown;
  after: unknown;
  ip: string | null;
}

const isEmpty = (value: unknown) =>
  value === null || value === undefined || (typeof value === "object" && Object.keys(value).length === 0);

const Snapshot = ({ label, value }: { label: string; value: unknown }) => (
  <div>
    <p className="text-xs font-medium text-slate-500 dark:text-slate-400">{label}</p>
    <pre className="mt-1 whitespace-pre-wrap break-all rounded bg-slate-50 dark:bg-slate-800 p-2 text-xs text-slate-800 dark:text-slate-200">
      {isEmpty(value) ? "—" : JSON.stringify(value, null, 2)}
    </pre>
  </div>
);

/** The change an event made, collapsed: before → after. */
const Change = ({ before, after }: { before: unknown; after: unknown }) => {
  if (isEmpty(before) && isEmpty(after)) return <span className="text-slate-500 dark:text-slate-400">—</span>;
  const fields = Object.keys({ ...(before as object | null), ...(after as object | null) });
  return (
    <details className="group">
      <summary className="cursor-pointer text-indigo-700 dark:text-indigo-300 hover:underline">
        {fields.length
          ? fields.slice(0, 3).join(", ") + (fields.length > 3 ? ` +${fields.length - 3}` : "")
          : "Show"}
      </summary>
      <div className="mt-2 grid min-w-80 gap-2 md:grid-cols-2">
        <Snapshot label="Before" value={before} />
        <Snapshot label="After" value={after} />
      </div>
    </details>
  );
};

/** `user:ann@example.com` → ann@example.com; other actors (api-key:…, system:…) as they are. */
const actorName = (label: string) => (label.startsWith("user:") ? label.slice(5) : label);

/** Audit events, newest first: when, who, what, on what, and the change. */
export const AuditTable = ({
  rows,
  showOrganization = false,
}: {
  rows: AuditRow[];
  showOrganization?: boolean;
}) =>
  rows.length === 0 ? (
    <p className="py-6 text-sm text-slate-600 dark:text-slate-300">No audit events match.</p>
  ) : (
    <div className="overflow-x-auto">
      <table className="w-full text-left text-sm">
        <thead className="border-b border-slate-200 dark:border-slate-700 text-xs uppercase tracking-wide text-slate-500 dark:text-slate-400">
          <tr>
            <th scope="col" className="py-2 pr-4 font-medium">
              Time
            </th>
            <th scope="col" className="py-2 pr-4 font-medium">
              Actor
            </th>
            <th scope="col" className="py-2 pr-4 font-medium">
              Action
            </th>
            <th scope="col" className="py-2 pr-4 font-medium">
              Target
            </th>
            {showOrganization && (
              <th scope="col" className="py-2 pr-4 font-medium">
                Organisation
              </th>
            )}
            <th scope="col" className="py-2 pr-4 font-medium">
              Change
            </th>
            <th scope="col" className="py-2 font-medium">
              IP
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100 dark:divide-slate-800">
          {rows.map((row) => (
            <tr key={row.id} className="align-top">
              <td className="whitespace-nowrap py-2 pr-4 text-slate-700 dark:text-slate-300">
                {formatDate(row.createdAt)}
              </td>
              <td className="py-2 pr-4 text-slate-900 dark:text-slate-100">{actorName(row.actorLabel)}</td>
              <td className="py-2 pr-4">
                <Badge tone="blue">{row.action}</Badge>
              </td>
              <td className="py-2 pr-4 text-slate-700 dark:text-slate-300">
                {row.targetType}
                {row.targetId ? (
                  <span
                    className="ml-1 font-mono text-xs text-slate-500 dark:text-slate-400"
                    title={row.targetId}
                  >
                    {row.targetId.slice(0, 8)}
                  </span>
                ) : null}
              </td>
              {showOrganization && (
                <td className="py-2 pr-4">
                  {row.organizationId ? (
                    <Link
                      to={`/console/organizations/${row.organizationId}`}
                      className="font-mono text-xs text-indigo-700 dark:text-indigo-300 hover:underline"
                      aria-label={`Organisation ${row.organizationId}`}
                    >
                      {row.organizationId.slice(0, 8)}
                    </Link>
                  ) : (
                    <span className="text-slate-500 dark:text-slate-400">—</span>
                  )}
                </td>
              )}
              <td className="py-2 pr-4">
                <Change before={row.before} after={row.after} />
              </td>
              <td className="whitespace-nowrap py-2 text-slate-600 dark:text-slate-300">{row.ip ?? "—"}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
