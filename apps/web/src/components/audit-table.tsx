import type { SortingState, Updater } from "@tanstack/react-table";
import { useMemo } from "react";
import { type Area, type AuditRow, auditColumns } from "./audit-columns.tsx";
import { DataTable } from "./data-table/data-table.tsx";
import { TableEmpty } from "./data-table/table-empty.tsx";

export type { AuditRow } from "./audit-columns.tsx";

/** Audit events in the order given: when, who, what, on what, and the change. */
export const AuditTable = ({
  rows,
  area,
  showOrganization = false,
  caption = "Audit events",
  sorting,
  onSortingChange,
  filtered = false,
  onClear,
}: {
  rows: AuditRow[];
  /** Which app's pages the names link to. */
  area: Area;
  showOrganization?: boolean;
  caption?: string;
  sorting?: SortingState;
  /** Without it the headers do not sort (a fixed list such as the latest events). */
  onSortingChange?: (updater: Updater<SortingState>) => void;
  /** Whether filters narrow the rows, so an empty list says "none match" and offers to clear them. */
  filtered?: boolean;
  onClear?: () => void;
}) => {
  // Table wants stable columns: made again only when the links or the organisation column change.
  const columns = useMemo(() => auditColumns(area, showOrganization), [area, showOrganization]);
  return rows.length === 0 ? (
    <TableEmpty
      filtered={filtered}
      empty="No audit events yet."
      noMatch="No audit events match."
      onClear={onClear}
    />
  ) : (
    <DataTable
      id="audit"
      caption={caption}
      columns={columns}
      data={rows}
      getRowId={(row) => row.id}
      sorting={sorting}
      onSortingChange={onSortingChange}
    />
  );
};
