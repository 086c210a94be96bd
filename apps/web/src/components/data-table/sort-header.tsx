import type { Header, RowData } from "@tanstack/react-table";
import { TableHead } from "@tessera/ui";
import type { DataTableFeatures } from "./features.ts";

const ARIA_SORT = { asc: "ascending", desc: "descending" } as const;

/**
 * A column header; a sortable one is a button that asks the server for that order (a second
 * press turns it round) and says the current order in `aria-sort`.
 */
export const SortHeader = <Row extends RowData>({
  header,
}: {
  header: Header<DataTableFeatures, Row, unknown>;
}) => {
  const { column } = header;
  const label = typeof column.columnDef.header === "string" ? column.columnDef.header : column.id;
  // A row actions column (id `actions`) holds buttons that name themselves: its header is for screen readers.
  if (column.id === "actions")
    return (
      <TableHead>
        <span className="sr-only">{label}</span>
      </TableHead>
    );
  if (!column.getCanSort()) return <TableHead>{label}</TableHead>;
  const sorted = column.getIsSorted();
  return (
    <TableHead aria-sort={sorted ? ARIA_SORT[sorted] : "none"}>
      <button
        type="button"
        onClick={column.getToggleSortingHandler()}
        className="inline-flex items-center gap-1 uppercase tracking-wide hover:text-fg focus-visible:outline-2 focus-visible:outline-ring"
      >
        {label}
        <span aria-hidden className="w-3">
          {sorted === "asc" ? "▲" : sorted === "desc" ? "▼" : ""}
        </span>
      </button>
    </TableHead>
  );
};
