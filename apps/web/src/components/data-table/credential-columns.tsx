import type { RowData } from "@tanstack/react-table";
import { InstantText } from "../dates/date-text.tsx";
import { columnHelper } from "./features.ts";

/** What API keys and SCIM tokens share: a name, the prefix shown for recognition, a last use. */
type Credential = RowData & { name: string; prefix: string; lastUsedAt: Date | string | null };

export const credentialNameColumn = <Row extends Credential>() =>
  columnHelper<Row>().accessor((row) => row.name, {
    id: "name",
    header: "Name",
    enableHiding: false,
    cell: ({ getValue }) => <span className="font-medium text-fg">{getValue()}</span>,
  });

export const credentialPrefixColumn = <Row extends Credential>() =>
  columnHelper<Row>().accessor((row) => row.prefix, {
    id: "prefix",
    header: "Prefix",
    enableSorting: false,
    cell: ({ getValue }) => <span className="whitespace-nowrap font-mono text-xs">{getValue()}…</span>,
  });

export const lastUsedColumn = <Row extends Credential>() =>
  columnHelper<Row>().accessor((row) => row.lastUsedAt, {
    id: "lastUsedAt",
    header: "Last used",
    sortDescFirst: true,
    cell: ({ getValue }) => {
      const used = getValue();
      return <span className="whitespace-nowrap">{used ? <InstantText value={used} /> : "Never"}</span>;
    },
  });
