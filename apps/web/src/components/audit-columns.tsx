import { Badge } from "@tessera/ui";
import { Link } from "react-router";
import { columnHelper } from "./data-table/features.ts";
import { InstantText } from "./dates/date-text.tsx";

export interface AuditRow {
  id: string;
  createdAt: Date;
  actorLabel: string;
  actorName: string | null;
  organizationId: string | null;
  organizationName: string | null;
  action: string;
  actionLabel: string;
  targetLabel: string;
  targetNamed: boolean;
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
    <p className="text-xs font-medium text-fg-muted">{label}</p>
    <pre className="mt-1 whitespace-pre-wrap break-all rounded bg-surface-muted p-2 text-xs text-fg">
      {isEmpty(value) ? "—" : JSON.stringify(value, null, 2)}
    </pre>
  </div>
);

/** The change an event made, collapsed: before → after. */
const Change = ({ before, after }: { before: unknown; after: unknown }) => {
  if (isEmpty(before) && isEmpty(after)) return <span className="text-fg-muted">—</span>;
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

/** The actor's name when the viewer may see it, else `user:ann@example.com` → ann@example.com; other actors (api-key:…, system:…) as they are. */
const actorOf = (row: AuditRow) =>
  row.actorName ?? (row.actorLabel.startsWith("user:") ? row.actorLabel.slice(5) : row.actorLabel);

export type Area = "console" | "portal";

/** Where a named target opens, for the records the area has a page for. */
const targetPath = (area: Area, row: AuditRow): string | null => {
  if (!row.targetNamed || !row.targetId) return null;
  const paths: Record<Area, Record<string, string>> = {
    console: {
      license: `/console/licenses/${row.targetId}`,
      ticket: `/console/support/${row.targetId}`,
      organization: `/console/organizations/${row.targetId}`,
    },
    portal: {
      license: "/portal/license",
      ticket: `/portal/tickets/${row.targetId}`,
      organization: "/portal",
    },
  };
  return paths[area][row.targetType] ?? null;
};

const LINK = "text-indigo-700 dark:text-indigo-300 hover:underline";

/** The target by name, linked where the viewer may open it; its type and id in the tooltip. */
const Target = ({ area, row }: { area: Area; row: AuditRow }) => {
  const path = targetPath(area, row);
  const title = row.targetId ? `${row.targetType} ${row.targetId}` : row.targetType;
  return path ? (
    <Link to={path} className={LINK} title={title}>
      {row.targetLabel}
    </Link>
  ) : (
    <span title={title}>{row.targetLabel}</span>
  );
};

const column = columnHelper<AuditRow>();

/**
 * The audit log's columns for one app's links; time and action sort on the server (their ids
 * are the API's sort keys). The organisation column only where the log spans organisations.
 */
export const auditColumns = (area: Area, showOrganization: boolean) => [
  column.accessor("createdAt", {
    header: "Time",
    enableHiding: false,
    sortDescFirst: true,
    cell: ({ getValue }) => (
      <time dateTime={new Date(getValue()).toISOString()} className="whitespace-nowrap">
        <InstantText value={getValue()} />
      </time>
    ),
  }),
  column.accessor(actorOf, {
    id: "actor",
    header: "Actor",
    enableSorting: false,
    cell: ({ row, getValue }) => (
      <span className="text-fg" title={row.original.actorLabel}>
        {getValue()}
      </span>
    ),
  }),
  column.accessor("action", {
    header: "Action",
    enableHiding: false,
    cell: ({ row }) => (
      <span title={row.original.action}>
        <Badge tone="blue">{row.original.actionLabel}</Badge>
      </span>
    ),
  }),
  column.accessor("targetLabel", {
    id: "target",
    header: "Target",
    enableSorting: false,
    cell: ({ row }) => <Target area={area} row={row.original} />,
  }),
  ...(showOrganization
    ? [
        column.accessor("organizationName", {
          id: "organization",
          header: "Organisation",
          enableSorting: false,
          cell: ({ row: { original } }) =>
            original.organizationId ? (
              <Link
                to={`/console/organizations/${original.organizationId}`}
                className={LINK}
                title={original.organizationId}
              >
                {original.organizationName ?? original.organizationId}
              </Link>
            ) : (
              <span className="text-fg-muted">—</span>
            ),
        }),
      ]
    : []),
  column.display({
    id: "change",
    header: "Change",
    enableSorting: false,
    cell: ({ row }) => <Change before={row.original.before} after={row.original.after} />,
  }),
  column.accessor("ip", {
    header: "IP",
    enableSorting: false,
    cell: ({ getValue }) => <span className="whitespace-nowrap">{getValue() ?? "—"}</span>,
  }),
];
