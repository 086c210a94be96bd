import type { RowData } from "@tanstack/react-table";
import { DataTable, type DataTableProps } from "./data-table.tsx";
import { type SortValue, sortRows } from "./sort-rows.ts";
import { type Direction, useTableUrlState } from "./use-table-url-state.ts";

/**
 * A short list the API returns whole (keys, tokens, sessions, toggles): sorted in the page by the
 * sort the address names, so it behaves like the server-sorted lists without an API round trip.
 */
export const PageSortedTable = <Row extends RowData, S extends string>({
  rows,
  sorts,
  sort,
  direction,
  values,
  ...table
}: Omit<DataTableProps<Row>, "data" | "sorting" | "onSortingChange"> & {
  rows: readonly Row[];
  sorts: readonly S[];
  sort: S;
  direction: (sort: S) => Direction;
  /** What each sort compares; empty values go last either way. */
  values: Record<S, (row: Row) => SortValue>;
}) => {
  const state = useTableUrlState({ filters: {}, sorts, sort, direction });
  return (
    <DataTable
      {...table}
      data={sortRows(rows, state.sort, state.direction, values)}
      sorting={state.sorting}
      onSortingChange={state.onSortingChange}
    />
  );
};
