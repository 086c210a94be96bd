import { keepPreviousData } from "@tanstack/react-query";
import { MAIL_STATUS_LABELS, MAIL_STATUSES } from "@tessera/domain";
import { Card, NativeSelect } from "@tessera/ui";
import { useEffect, useState } from "react";
import { FilterChips } from "../components/data-table/filter-chips.tsx";
import { useTableUrlState } from "../components/data-table/use-table-url-state.ts";
import { Field } from "../components/field.tsx";
import { PageHeader } from "../components/page-header.tsx";
import { Pagination } from "../components/pagination.tsx";
import { QueryState } from "../components/query-state.tsx";
import { useDebounced } from "../components/use-debounced.ts";
import { trpc } from "../trpc.ts";
import { SentEmailDetail } from "./sent-email-detail.tsx";
import { SentEmailTable } from "./sent-email-table.tsx";

type Status = (typeof MAIL_STATUSES)[number];

/** Status, recipient and page in the address; the recipient box writes there once typing pauses. */
const useSentEmail = () => {
  // The outbox lists newest first only: one sort, nothing to choose.
  const table = useTableUrlState({
    filters: { status: "", to: "" },
    allowed: { status: ["", ...MAIL_STATUSES] },
    sorts: ["sentAt"],
    sort: "sentAt",
    direction: "desc",
  });
  const [recipient, setRecipient] = useState(table.filters.to);
  const typed = useDebounced(recipient.trim(), 300);
  const { filters, setFilter } = table;
  useEffect(() => {
    if (filters.to !== typed) setFilter("to", typed);
  }, [typed, filters.to, setFilter]);
  const input = {
    page: table.page,
    pageSize: 25,
    ...(filters.status ? { status: filters.status as Status } : {}),
    ...(filters.to ? { recipient: filters.to } : {}),
  };
  const list = trpc.mail.sent.useQuery(input, { placeholderData: keepPreviousData });
  const clear = (name: string) => {
    if (name === "to") setRecipient("");
    setFilter(name as "status" | "to", "");
  };
  const clearAll = () => {
    setRecipient("");
    table.clearFilters();
  };
  return { table, list, recipient, setRecipient, clear, clearAll };
};

/** Every mail the outbox holds, newest first, and the one selected as it was rendered. Staff admins. */
export const SentEmailPage = () => {
  const { table, list, recipient, setRecipient, clear, clearAll } = useSentEmail();
  const [selected, setSelected] = useState<string | null>(null);
  const transport = list.data?.transport;
  const { status, to } = table.filters;
  const chips = [
    ...(status
      ? [{ name: "status", label: `Status: ${MAIL_STATUS_LABELS[status as Status] ?? status}` }]
      : []),
    ...(to ? [{ name: "to", label: `Recipient contains “${to}”` }] : []),
  ];
  return (
    <>
      <PageHeader
        title="Sent email"
        description={
          transport === "development"
            ? "Mail goes to the development mailbox: nothing leaves this machine, and this page is where to read it."
            : transport === "smtp"
              ? "Mail goes out over SMTP (SMTP_URL)."
              : "Every mail Tessera queued, newest first."
        }
      />
      <div className="space-y-6">
        <Card>
          <fieldset className="mb-4 grid items-end gap-4 sm:grid-cols-2">
            <legend className="sr-only">Filter mails</legend>
            <NativeSelect
              label="Status"
              name="mailStatus"
              value={status}
              onChange={(value) => table.setFilter("status", value)}
              options={[
                { value: "", label: "Any" },
                ...MAIL_STATUSES.map((value) => ({ value, label: MAIL_STATUS_LABELS[value] })),
              ]}
            />
            <Field
              label="Recipient contains"
              name="mailRecipient"
              value={recipient}
              onChange={setRecipient}
            />
          </fieldset>
          <FilterChips chips={chips} onClear={clear} onClearAll={clearAll} />
          <QueryState query={list}>
            {(data) => (
              <>
                <SentEmailTable
                  items={data.items}
                  selected={selected}
                  onSelect={setSelected}
                  filtered={chips.length > 0}
                  onClear={clearAll}
                />
                <Pagination
                  page={data.page}
                  pageCount={data.pageCount}
                  total={data.total}
                  onPage={table.setPage}
                  noun="mail"
                />
              </>
            )}
          </QueryState>
        </Card>
        {selected && <SentEmailDetail id={selected} />}
      </div>
    </>
  );
};
