import type { AppRouter } from "@tessera/api";
import { Badge, Button } from "@tessera/ui";
import type { inferRouterOutputs } from "@trpc/server";
import { columnHelper } from "../components/data-table/features.ts";
import { PageSortedTable } from "../components/data-table/page-sorted-table.tsx";
import { InstantText } from "../components/dates/date-text.tsx";

type Session = inferRouterOutputs<AppRouter>["auth"]["sessions"]["list"][number];

const SESSION_SORTS = ["lastSeenAt", "createdAt", "device"] as const;

/** What the cells read besides their row (`table.options.meta`). */
interface SessionsMeta {
  /** The session being signed out, if any: every Sign out waits for it. */
  ending: string | null;
  onSignOut: (session: Session) => void;
}

const column = columnHelper<Session>();

const COLUMNS = [
  column.accessor("device", {
    header: "Device",
    enableHiding: false,
    cell: ({ row: { original: session } }) => (
      <span className="font-medium text-fg">
        {session.device}
        {session.method === "sso" && <span className="ml-2 text-xs text-fg-muted">(SSO)</span>}
        {session.current && (
          <span className="ml-2">
            <Badge tone="green">This session</Badge>
          </span>
        )}
      </span>
    ),
  }),
  column.accessor("ip", {
    header: "IP address",
    enableSorting: false,
    cell: ({ getValue }) => getValue() ?? "—",
  }),
  column.accessor("createdAt", {
    header: "Signed in",
    sortDescFirst: true,
    cell: ({ getValue }) => (
      <span className="whitespace-nowrap">
        <InstantText value={getValue()} />
      </span>
    ),
  }),
  column.accessor("lastSeenAt", {
    header: "Last active",
    sortDescFirst: true,
    cell: ({ getValue }) => (
      <span className="whitespace-nowrap">
        <InstantText value={getValue()} />
      </span>
    ),
  }),
  column.display({
    id: "actions",
    header: "Actions",
    enableHiding: false,
    cell: ({ row: { original: session }, table }) => {
      const { ending, onSignOut } = table.options.meta as SessionsMeta;
      return (
        !session.current && (
          <Button
            variant="secondary"
            disabled={ending !== null}
            aria-label={`Sign out ${session.device} (${session.ip ?? "unknown address"})`}
            onClick={() => onSignOut(session)}
          >
            Sign out
          </Button>
        )
      );
    },
  }),
];

/** The user's sessions, last active first until a header is pressed (the API returns them all). */
export const SessionsTable = ({ sessions, ...meta }: { sessions: Session[] } & SessionsMeta) => {
  return (
    <PageSortedTable
      id="sessions"
      caption="Your sessions"
      columns={COLUMNS}
      rows={sessions}
      sorts={SESSION_SORTS}
      sort="lastSeenAt"
      direction={(sort) => (sort === "device" ? "asc" : "desc")}
      values={{
        lastSeenAt: (session) => session.lastSeenAt,
        createdAt: (session) => session.createdAt,
        device: (session) => session.device,
      }}
      getRowId={(session) => session.id}
      meta={meta}
      rowAttributes={(session) => ({ "aria-busy": meta.ending === session.id || undefined })}
    />
  );
};
