import type { RowData } from "@tanstack/react-table";
import { DayText } from "../dates/date-text.tsx";
import { columnHelper } from "./features.ts";

/** The "Created" column lists share: the day a row was made, newest first when first sorted. */
export const createdColumn = <Row extends RowData & { createdAt: Date | string }>() =>
  columnHelper<Row>().accessor((row) => row.createdAt, {
    id: "createdAt",
    header: "Created",
    sortDescFirst: true,
    cell: ({ getValue }) => (
      <span className="whitespace-nowrap">
        <DayText value={getValue()} />
      </span>
    ),
  });
