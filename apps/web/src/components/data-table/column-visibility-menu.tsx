import type { Column, RowData } from "@tanstack/react-table";
import {
  Button,
  DropdownMenu,
  DropdownMenuCheckboxItem,
  DropdownMenuContent,
  DropdownMenuLabel,
  DropdownMenuTrigger,
} from "@tessera/ui";
import type { DataTableFeatures } from "./features.ts";

/** A "Columns" menu to show or hide the columns that may be hidden. */
export const ColumnVisibilityMenu = <Row extends RowData>({
  columns,
  label,
}: {
  columns: Column<DataTableFeatures, Row, unknown>[];
  /** What the table lists, to name the menu's button. */
  label: string;
}) => {
  const hideable = columns.filter((column) => column.getCanHide());
  if (hideable.length === 0) return null;
  return (
    <DropdownMenu>
      <DropdownMenuTrigger asChild>
        <Button variant="secondary" aria-label={`Columns of ${label}`}>
          Columns
        </Button>
      </DropdownMenuTrigger>
      <DropdownMenuContent>
        <DropdownMenuLabel>Show columns</DropdownMenuLabel>
        {hideable.map((column) => (
          <DropdownMenuCheckboxItem
            key={column.id}
            checked={column.getIsVisible()}
            onCheckedChange={(checked) => column.toggleVisibility(checked)}
          >
            {typeof column.columnDef.header === "string" ? column.columnDef.header : column.id}
          </DropdownMenuCheckboxItem>
        ))}
      </DropdownMenuContent>
    </DropdownMenu>
  );
};
