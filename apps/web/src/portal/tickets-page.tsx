import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { PortalCreateTicketInput, type TicketPriority } from "@tessera/domain";
import { type FormEvent, useState } from "react";
import { Link } from "react-router";
import { Alert } from "../components/alert.tsx";
import { AttachmentPicker } from "../components/attachment-picker.tsx";
import { Button } from "../components/button.tsx";
import { Card } from "../components/card.tsx";
import { ErrorAlert } from "../components/error-alert.tsx";
import { Field } from "../components/field.tsx";
import { formatDate } from "../components/format-date.ts";
import { PageHeader } from "../components/page-header.tsx";
import { Pagination } from "../components/pagination.tsx";
import { QueryState } from "../components/query-state.tsx";
import { Select } from "../components/select.tsx";
import { PRIORITY_OPTIONS, PriorityBadge, StatusBadge } from "../components/ticket-parts.tsx";
import { TicketSearch } from "../components/ticket-search.tsx";
import { useAttachmentUploads } from "../components/use-attachment-uploads.ts";
import { useSchemaForm } from "../components/use-form.ts";
import { useTRPC } from "../trpc.ts";

const PAGE_SIZE = 20;

/** The organisation's support tickets: open a new one, follow the existing ones. */
export const PortalTicketsPage = () => {
  const trpc = useTRPC();
  const [page, setPage] = useState(1);
  const [created, setCreated] = useState<{ id: string; reference: string } | null>(null);
  const list = useQuery({
    ...trpc.support.mine.queryOptions({ page, pageSize: PAGE_SIZE, sort: "createdAt" }),
    placeholderData: keepPreviousData,
  });
  return (
    <>
      <PageHeader title="Tickets" description="Ask our support team for help and follow the answers." />
      <div className="space-y-6">
        <NewTicket
          onCreated={(ticket) => {
            setCreated(ticket);
            setPage(1);
          }}
        />
        <div aria-live="polite">
          {created && (
            <Alert tone="success">
              <Link to={`/portal/tickets/${created.id}`} className="font-medium underline">
                {created.reference}
              </Link>{" "}
              was opened. Our support team has been told.
            </Alert>
          )}
        </div>
        <Card title="Your tickets">
          <TicketSearch audience="customer" />
          <QueryState query={list}>
            {(data) =>
              data.items.length === 0 ? (
                <p className="py-6 text-sm text-slate-600 dark:text-slate-300">No tickets yet.</p>
              ) : (
                <div className="overflow-x-auto">
                  <table className="w-full text-left text-sm">
                    <caption className="sr-only">Your organisation's tickets, newest first</caption>
                    <thead className="border-b border-slate-200 dark:border-slate-700 text-xs uppercase tracking-wide text-slate-500 dark:text-slate-400">
                      <tr>
                        <th scope="col" className="py-2 pr-4 font-medium">
                          Reference
                        </th>
                        <th scope="col" className="py-2 pr-4 font-medium">
                          Subject
                        </th>
                        <th scope="col" className="py-2 pr-4 font-medium">
                          Priority
                        </th>
                        <th scope="col" className="py-2 pr-4 font-medium">
                          Status
                        </th>
                        <th scope="col" className="py-2 font-medium">
                          Opened
                        </th>
                      </tr>
                    </thead>
                    <tbody className="divide-y divide-slate-100 dark:divide-slate-800">
                      {data.items.map((ticket) => (
                        <tr key={ticket.id} className="hover:bg-slate-50 dark:hover:bg-slate-800">
                          <td className="whitespace-nowrap py-2.5 pr-4">
                            <Link
                              to={`/portal/tickets/${ticket.id}`}
                              className="font-medium text-indigo-700 dark:text-indigo-300 hover:underline"
                            >
                              {ticket.reference}
                            </Link>
                          </td>
                          <td className="max-w-md truncate py-2.5 pr-4 text-slate-800 dark:text-slate-200">
                            {ticket.subject}
                          </td>
                          <td className="py-2.5 pr-4">
                            <PriorityBadge priority={ticket.priority} />
                          </td>
                          <td className="py-2.5 pr-4">
                            <StatusBadge status={ticket.status} />
                          </td>
                          <td className="whitespace-nowrap py-2.5 text-slate-700 dark:text-slate-300">
                            {formatDate(ticket.createdAt)}
                          </td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                  <Pagination
                    page={data.page}
                    pageCount={data.pageCount}
                    total={data.total}
                    onPage={setPage}
                    noun={data.total === 1 ? "ticket" : "tickets"}
                  />
                </div>
              )
            }
          </QueryState>
        </Card>
      </div>
    </>
  );
};

const EMPTY_TICKET = { subject: "", description: "", priority: "NORMAL" as TicketPriority };

const NewTicket = ({ onCreated }: { onCreated: (ticket: { id: string; reference: string }) => void }) => {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [values, setValues] = useState(EMPTY_TICKET);
  const form = useSchemaForm(PortalCreateTicketInput);
  const uploads = useAttachmentUploads();
  const create = useMutation(
    trpc.support.create.mutationOptions({
      onSuccess: async (ticket) => {
        setValues(EMPTY_TICKET);
        uploads.reset();
        onCreated(ticket);
        await queryClient.invalidateQueries({ queryKey: trpc.support.mine.pathKey() });
      },
      onError: form.showServerErrors,
    }),
  );
  const submit = (event: FormEvent) => {
    event.preventDefault();
    create.reset();
    const input = form.parse({ ...values, attachmentIds: uploads.ids });
    if (input) create.mutate(input);
  };
  return (
    <Card title="Open a ticket">
      <form onSubmit={submit} noValidate aria-label="Open a ticket" className="grid gap-4 md:grid-cols-4">
        <div className="md:col-span-3">
          <Field
            label="Subject"
            name="subject"
            value={values.subject}
            onChange={(subject) => setValues({ ...values, subject })}
            error={form.errors.subject}
            required
            hint="At most 200 characters"
          />
        </div>
        <Select
          label="Priority"
          name="priority"
          value={values.priority}
          onChange={(priority) => setValues({ ...values, priority: priority as TicketPriority })}
          options={PRIORITY_OPTIONS}
          error={form.errors.priority}
          hint="Critical: production is down"
        />
        <div className="md:col-span-4">
          <Field
            label="Description"
            name="description"
            value={values.description}
            onChange={(description) => setValues({ ...values, description })}
            error={form.errors.description}
            multiline
            required
            hint="What happened, what you expected, and how to reproduce it"
          />
        </div>
        <div className="md:col-span-4">
          <AttachmentPicker uploads={uploads} />
        </div>
        <div className="md:col-span-4">
          <ErrorAlert error={create.error} title="Ticket not opened" />
        </div>
        <div className="flex justify-end md:col-span-4">
          <Button type="submit" busy={create.isPending} disabled={uploads.busy}>
            {create.isPending ? "Opening…" : "Open ticket"}
          </Button>
        </div>
      </form>
    </Card>
  );
};
