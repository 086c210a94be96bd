import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { MAIL_STATUSES } from "@tessera/domain";
import { useState } from "react";
import { Badge } from "../components/badge.tsx";
import { Card } from "../components/card.tsx";
import { Field } from "../components/field.tsx";
import { formatDate } from "../components/format-date.ts";
import { PageHeader } from "../components/page-header.tsx";
import { Pagination } from "../components/pagination.tsx";
import { QueryState } from "../components/query-state.tsx";
import { Select } from "../components/select.tsx";
import { useDebounced } from "../components/use-debounced.ts";
import { useTRPC } from "../trpc.ts";
import { SentEmailDetail } from "./sent-email-detail.tsx";

const TONE = { SENT: "green", PENDING: "amber", SKIPPED: "slate", DEAD: "red" } as const;
type Status = (typeof MAIL_STATUSES)[number];

/** Every mail the outbox holds, newest first, and the one selected as it was rendered. Staff admins. */
export const SentEmailPage = () => {
  const trpc = useTRPC();
  const [page, setPage] = useState(1);
  const [status, setStatus] = useState<"" | Status>("");
  const [recipient, setRecipient] = useState("");
  const [selected, setSelected] = useState<string | null>(null);
  const typed = useDebounced(recipient, 300);
  const input = {
    page,
    pageSize: 25,
    ...(status ? { status } : {}),
    ...(typed.trim() ? { recipient: typed.trim() } : {}),
  };
  const list = useQuery({ ...trpc.mail.sent.queryOptions(input), placeholderData: keepPreviousData });
  const transport = list.data?.transport;
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
            <Select
              label="Status"
              name="mailStatus"
              value={status}
              onChange={(value) => {
                setStatus(value as "" | Status);
                setPage(1);
              }}
              options={[
                { value: "", label: "Any" },
                ...MAIL_STATUSES.map((value) => ({ value, label: value })),
              ]}
            />
            <Field
              label="Recipient contains"
              name="mailRecipient"
              value={recipient}
              onChange={(value) => {
                setRecipient(value);
                setPage(1);
              }}
            />
          </fieldset>
          <QueryState query={list}>
            {(data) => (
              <>
                <SentEmailTable items={data.items} selected={selected} onSelect={setSelected} />
                <Pagination
                  page={data.page}
                  pageCount={data.pageCount}
                  total={data.total}
                  onPage={setPage}
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

interface SentRow {
  id: string;
  toAddress: string;
  subject: string | null;
  template: string;
  category: string;
  status: Status;
  attempts: number;
  sentAt: Date | null;
}

const SentEmailTable = ({
  items,
  selected,
  onSelect,
}: {
  items: SentRow[];
  selected: string | null;
  onSelect: (id: string) => void;
}) =>
  items.length === 0 ? (
    <p className="py-6 text-sm text-slate-600 dark:text-slate-300">No mails match.</p>
  ) : (
    <div className="overflow-x-auto">
      <table className="w-full text-left text-sm">
        <thead className="border-b border-slate-200 dark:border-slate-700 text-xs uppercase tracking-wide text-slate-500 dark:text-slate-400">
          <tr>
            {["To", "Subject", "Category", "Status", "Attempts", "Sent at"].map((heading) => (
              <th key={heading} scope="col" className="py-2 pr-4 font-medium">
                {heading}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100 dark:divide-slate-800">
          {items.map((mail) => (
            <tr key={mail.id} aria-selected={mail.id === selected} className="align-top">
              <td className="py-2 pr-4 text-slate-900 dark:text-slate-100">{mail.toAddress}</td>
              <td className="py-2 pr-4">
                <button
                  type="button"
                  onClick={() => onSelect(mail.id)}
                  className="text-left text-indigo-700 dark:text-indigo-300 hover:underline"
                >
                  {mail.subject ?? `(${mail.template}, not rendered yet)`}
                </button>
              </td>
              <td className="py-2 pr-4 text-slate-700 dark:text-slate-300">{mail.category}</td>
              <td className="py-2 pr-4">
                <Badge tone={TONE[mail.status]}>{mail.status}</Badge>
              </td>
              <td className="py-2 pr-4 text-slate-700 dark:text-slate-300">{mail.attempts}</td>
              <td className="whitespace-nowrap py-2 pr-4 text-slate-700 dark:text-slate-300">
                {mail.sentAt ? formatDate(mail.sentAt) : "—"}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
