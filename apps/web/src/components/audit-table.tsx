import { Badge, formatDate } from "./ui.tsx";

export interface AuditRow {
  id: string;
  createdAt: Date;
  actorLabel: string;
  action: string;
  targetType: string;
  targetId: string | null;
  before: unknown;
  after: unknown;
  ip: string | null;
}

const Change = ({ before, after }: { before: unknown; after: unknown }) => {
  if (!before && !after) return <span className="text-slate-400">—</span>;
  return (
    <details>
      <summary className="cursor-pointer text-brand-700">Show change</summary>
      <div className="mt-2 grid gap-2 md:grid-cols-2">
        <pre className="overflow-x-auto rounded bg-slate-50 p-2 text-xs">
          {before ? JSON.stringify(before, null, 2) : "—"}
        </pre>
        <pre className="overflow-x-auto rounded bg-slate-50 p-2 text-xs">
          {after ? JSON.stringify(after, null, 2) : "—"}
        </pre>
      </div>
    </details>
  );
};

/** Audit events, newest first: when, who, what, on what, and the change. */
export const AuditTable = ({ rows }: { rows: AuditRow[] }) =>
  rows.length === 0 ? (
    <p className="py-6 text-sm text-slate-600">No audit events match.</p>
  ) : (
    <div className="overflow-x-auto">
      <table className="w-full text-left text-sm">
        <thead className="border-b border-slate-200 text-xs uppercase text-slate-500">
          <tr>
            <th scope="col" className="py-2 pr-4">
              Time
            </th>
            <th scope="col" className="py-2 pr-4">
              Actor
            </th>
            <th scope="col" className="py-2 pr-4">
              Action
            </th>
            <th scope="col" className="py-2 pr-4">
              Target
            </th>
            <th scope="col" className="py-2 pr-4">
              Change
            </th>
            <th scope="col" className="py-2">
              IP
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {rows.map((row) => (
            <tr key={row.id} className="align-top">
              <td className="whitespace-nowrap py-2 pr-4">{formatDate(row.createdAt)}</td>
              <td className="py-2 pr-4">{row.actorLabel}</td>
              <td className="py-2 pr-4">
                <Badge tone="blue">{row.action}</Badge>
              </td>
              <td className="py-2 pr-4 text-slate-600">
                {row.targetType}
                {row.targetId ? ` ${row.targetId.slice(0, 8)}` : ""}
              </td>
              <td className="py-2 pr-4">
                <Change before={row.before} after={row.after} />
              </td>
              <td className="py-2 text-slate-600">{row.ip ?? "—"}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
