import type { AppRouter } from "@tessera/api";
import { Badge, Button } from "@tessera/ui";
import type { inferRouterOutputs } from "@trpc/server";
import { createdColumn } from "../../components/data-table/created-column.tsx";
import {
  credentialNameColumn,
  credentialPrefixColumn,
  lastUsedColumn,
} from "../../components/data-table/credential-columns.tsx";
import { columnHelper } from "../../components/data-table/features.ts";
import { PageSortedTable } from "../../components/data-table/page-sorted-table.tsx";

export type ScimToken = inferRouterOutputs<AppRouter>["scimTokens"]["list"][number];

const TOKEN_SORTS = ["name", "createdAt", "lastUsedAt"] as const;

const column = columnHelper<ScimToken>();

/** The tokens' columns; name and the dates sort in the page (the API returns every token at once). */
const COLUMNS = [
  credentialNameColumn<ScimToken>(),
  credentialPrefixColumn<ScimToken>(),
  createdColumn<ScimToken>(),
  lastUsedColumn<ScimToken>(),
  column.accessor("revokedAt", {
    header: "Status",
    enableSorting: false,
    cell: ({ getValue }) =>
      getValue() ? <Badge tone="red">Revoked</Badge> : <Badge tone="green">Active</Badge>,
  }),
  column.display({
    id: "actions",
    header: "Actions",
    enableHiding: false,
    cell: ({ row: { original: token }, table }) =>
      !token.revokedAt && (
        <Button
          variant="secondary"
          onClick={() => (table.options.meta as TokensMeta).onRevoke(token)}
          aria-label={`Revoke ${token.name}`}
        >
          Revoke
        </Button>
      ),
  }),
];

interface TokensMeta {
  onRevoke: (token: ScimToken) => void;
}

/** SCIM tokens: when each was made and last used, and whether it still works; the sort is in the address. */
export const ScimTokensTable = ({
  items,
  onRevoke,
}: {
  items: ScimToken[];
  onRevoke: (token: ScimToken) => void;
}) => {
  return (
    <PageSortedTable
      id="scim-tokens"
      caption="SCIM tokens"
      columns={COLUMNS}
      rows={items}
      sorts={TOKEN_SORTS}
      sort="createdAt"
      direction={(sort) => (sort === "name" ? "asc" : "desc")}
      values={{
        name: (token) => token.name,
        createdAt: (token) => token.createdAt,
        lastUsedAt: (token) => token.lastUsedAt,
      }}
      getRowId={(token) => token.id}
      meta={{ onRevoke } satisfies TokensMeta}
    />
  );
};
