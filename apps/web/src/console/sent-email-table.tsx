import {
  MAIL_CATEGORY_LABELS,
  MAIL_STATUS_LABELS,
  type MAIL_STATUSES,
  type MailCategory,
} from "@tessera/domain";
import { Badge } from "@tessera/ui";
import { useMemo } from "react";
import { DataTable } from "../components/data-table/data-table.tsx";
import { columnHelper } from "../components/data-table/features.ts";
import { TableEmpty } from "../components/data-table/table-empty.tsx";
import { InstantText } from "../components/dates/date-text.tsx";

const TONE = { SENT: "green", PENDING: "amber", SKIPPED: "slate", DEAD: "red" } as const;

interface SentRow {
  id: string;
  toAddress: string;
  subject: string | null;
  template: string;
  category: MailCategory;
  status: (typeof MAIL_STATUSES)[number];
  attempts: number;
  sentAt: Date | null;
}

const column = columnHelper<SentRow>();

const columnsFor = (onSelect: (id: string) => void) => [
  column.accessor("toAddress", { header: "To", enableHiding: false }),
  column.accessor("subject", {
    header: "Subject",
    enableHiding: false,
    cell: ({ row: { original: mail } }) => (
      <button
        type="button"
        onClick={() => onSelect(mail.id)}
        className="text-left text-indigo-700 hover:underline dark:text-indigo-300"
      >
        {mail.subject ?? `(${mail.template}, not rendered yet)`}
      </button>
    ),
  }),
  column.accessor("category", {
    header: "Category",
    cell: ({ getValue }) => MAIL_CATEGORY_LABELS[getValue()],
  }),
  column.accessor("status", {
    header: "Status",
    cell: ({ getValue }) => <Badge tone={TONE[getValue()]}>{MAIL_STATUS_LABELS[getValue()]}</Badge>,
  }),
  column.accessor("attempts", { header: "Attempts" }),
  column.accessor("sentAt", {
    header: "Sent at",
    cell: ({ getValue }) => {
      const sentAt = getValue();
      return (
        <span className="whitespace-nowrap">
          <InstantText value={sentAt} />
        </span>
      );
    },
  }),
];

/** The outbox, newest first; the selected mail's row says so. */
export const SentEmailTable = ({
  items,
  selected,
  onSelect,
  filtered,
  onClear,
}: {
  items: SentRow[];
  selected: string | null;
  onSelect: (id: string) => void;
  filtered: boolean;
  onClear: () => void;
}) => {
  // Table wants stable columns: made again only if the select handler changes.
  const columns = useMemo(() => columnsFor(onSelect), [onSelect]);
  return items.length === 0 ? (
    <TableEmpty filtered={filtered} empty="No mail sent yet." noMatch="No mails match." onClear={onClear} />
  ) : (
    <DataTable
      id="sent-email"
      caption="Sent mails, newest first"
      columns={columns}
      data={items}
      getRowId={(mail) => mail.id}
      rowAttributes={(mail) => ({ "aria-selected": mail.id === selected })}
    />
  );
};
