import {
  type ColumnDef,
  type RowData,
  type SortingState,
  type Updater,
  useTable,
} from "@tanstack/react-table";
import { Table, TableBody, TableCaption, TableCell, TableHeader, TableRow } from "@tessera/ui";
import type { HTMLAttributes, ReactNode } from "react";
import { ColumnVisibilityMenu } from "./column-visibility-menu.tsx";
import { type DataTableFeatures, features } from "./features.ts";
import { SortHeader } from "./sort-header.tsx";
import { useColumnVisibility } from "./use-column-visibility.ts";

const NO_SORT: SortingState = [];

/** Row attributes a list adds itself (a highlight, `aria-selected`, a data attribute for tests). */
type RowAttributes = HTMLAttributes<HTMLTableRowElement> & { [data: `data-${string}`]: unknown };

/** What a list table takes. */
export interface DataTableProps<Row extends RowData> {
  /** Names the table's stored column preferences. */
  id: string;
  /** Said to screen readers as the table's caption and names its scrolling region. */
  caption: string;
  // biome-ignore lint/suspicious/noExplicitAny: each column has its own value type
  columns: ColumnDef<DataTableFeatures, Row, any>[];
  data: Row[];
  getRowId: (row: Row) => string;
  sorting?: SortingState;
  onSortingChange?: (updater: Updater<SortingState>) => void;
  rowAttributes?: (row: Row) => RowAttributes;
  /** Shown left of the "Columns" menu, e.g. a status line. */
  toolbar?: ReactNode;
  /** What cells read besides their row (`table.options.meta`), e.g. the ticking clock. */
  meta?: object;
}

/**
 * A list on TanStack Table. Sorting is the server's (`manualSorting`): a header press changes
 * `sorting` through `onSortingChange`, which the page keeps in the address and sends to the API.
 * The table scrolls inside its own box, so the page never scrolls sideways on a phone.
 */
export const DataTable = <Row extends RowData>({
  id,
  caption,
  columns,
  data,
  getRowId,
  sorting = NO_SORT,
  onSortingChange,
  rowAttributes,
  toolbar,
  meta,
}: DataTableProps<Row>) => {
  const [columnVisibility, onColumnVisibilityChange] = useColumnVisibility(id);
  const table = useTable({
    features,
    columns,
    data,
    getRowId: (row) => getRowId(row),
    manualSorting: true,
    enableSorting: onSortingChange !== undefined,
    enableSortingRemoval: false,
    state: { sorting, columnVisibility },
    onSortingChange: onSortingChange ?? (() => undefined),
    onColumnVisibilityChange,
    meta,
  });
  return (
    <>
      <div className="mb-2 flex min-h-9 flex-wrap items-center justify-end gap-2">
        {toolbar}
        <ColumnVisibilityMenu columns={table.getAllLeafColumns()} label={caption} />
      </div>
      <Table label={caption}>
        <TableCaption>{caption}</TableCaption>
        <TableHeader>
          {table.getHeaderGroups().map((group) => (
            <tr key={group.id}>
              {group.headers.map((header) => (
                <SortHeader key={header.id} header={header} />
              ))}
            </tr>
          ))}
        </TableHeader>
        <TableBody>
          {table.getRowModel().rows.map((row) => (
            <TableRow key={row.id} {...rowAttributes?.(row.original)}>
              {row.getVisibleCells().map((cell) => (
                <TableCell key={cell.id}>
                  <table.FlexRender cell={cell} />
                </TableCell>
              ))}
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </>
  );
};
