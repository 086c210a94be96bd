import type { RowData } from "@tanstack/react-table";
import { DayText, InstantText } from "../dates/date-text.tsx";
import { columnHelper } from "./features.ts";

/**
 * The "Created" column lists share: when a row was made, newest first when first sorted. Tickets
 * call it "Opened" and show the time as well as the day.
 */
export const createdColumn = <Row extends RowData & { createdAt: Date | string }>({
  header = "Created",
  withTime = false,
}: {
  header?: string;
  withTime?: boolean;
} = {}) =>
  columnHelper<Row>().accessor((row) => row.createdAt, {
    id: "createdAt",
    header,
    sortDescFirst: true,
    cell: ({ getValue }) => (
      <span className="whitespace-nowrap">
        {withTime ? <InstantText value={getValue()} /> : <DayText value={getValue()} />}
      </span>
    ),
  });
