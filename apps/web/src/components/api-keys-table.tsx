import type { AppRouter } from "@tessera/api";
import { Badge, Button } from "@tessera/ui";
import type { inferRouterOutputs } from "@trpc/server";
import { createdColumn } from "./data-table/created-column.tsx";
import {
  credentialNameColumn,
  credentialPrefixColumn,
  lastUsedColumn,
} from "./data-table/credential-columns.tsx";
import { columnHelper } from "./data-table/features.ts";
import { PageSortedTable } from "./data-table/page-sorted-table.tsx";
import { InstantText } from "./dates/date-text.tsx";

export type ApiKey = inferRouterOutputs<AppRouter>["apiKeys"]["mine"][number];

const KEY_SORTS = ["name", "createdAt", "lastUsedAt", "expiresAt"] as const;

const KeyStatus = ({ apiKey, now }: { apiKey: ApiKey; now: Date }) => {
  if (apiKey.revokedAt) return <Badge tone="red">Revoked</Badge>;
  if (apiKey.expiresAt && new Date(apiKey.expiresAt) <= now) return <Badge>Expired</Badge>;
  return <Badge tone="green">Active</Badge>;
};

const Instant = ({ value }: { value: Date | string | null }) => (
  <span className="whitespace-nowrap">{value ? <InstantText value={value} /> : "Never"}</span>
);

const column = columnHelper<ApiKey>();

/** What the cells read besides their row (`table.options.meta`). */
interface KeysMeta {
  now: Date;
  onRevoke: (apiKey: ApiKey) => void;
}

/** The keys' columns; name and the dates sort in the page (the API returns every key at once). */
const COLUMNS = [
  credentialNameColumn<ApiKey>(),
  credentialPrefixColumn<ApiKey>(),
  column.accessor("scopes", {
    header: "Scopes",
    enableSorting: false,
    cell: ({ getValue }) => (
      <div className="flex flex-wrap gap-1">
        {getValue().map((scope) => (
          <Badge key={scope} tone="blue">
            {scope}
          </Badge>
        ))}
      </div>
    ),
  }),
  createdColumn<ApiKey>(),
  lastUsedColumn<ApiKey>(),
  column.accessor("expiresAt", { header: "Expires", cell: ({ getValue }) => <Instant value={getValue()} /> }),
  column.display({
    id: "status",
    header: "Status",
    cell: ({ row, table }) => <KeyStatus apiKey={row.original} now={(table.options.meta as KeysMeta).now} />,
  }),
  column.display({
    id: "actions",
    header: "Actions",
    enableHiding: false,
    cell: ({ row: { original: apiKey }, table }) =>
      !apiKey.revokedAt && (
        <Button
          variant="secondary"
          onClick={() => (table.options.meta as KeysMeta).onRevoke(apiKey)}
          aria-label={`Revoke ${apiKey.name}`}
        >
          Revoke
        </Button>
      ),
  }),
];

/** API keys: what each may do, when it was last used, and whether it still works; the sort is in the address. */
export const ApiKeysTable = ({
  items,
  now,
  onRevoke,
}: {
  items: ApiKey[];
  now: Date;
  onRevoke: (apiKey: ApiKey) => void;
}) => {
  return (
    <PageSortedTable
      id="api-keys"
      caption="API keys"
      columns={COLUMNS}
      rows={items}
      sorts={KEY_SORTS}
      sort="createdAt"
      direction={(sort) => (sort === "name" || sort === "expiresAt" ? "asc" : "desc")}
      values={{
        name: (key) => key.name,
        createdAt: (key) => key.createdAt,
        lastUsedAt: (key) => key.lastUsedAt,
        expiresAt: (key) => key.expiresAt,
      }}
      getRowId={(key) => key.id}
      meta={{ now, onRevoke } satisfies KeysMeta}
    />
  );
};
