import type { AppRouter } from "@tessera/api";
import { nextTicketStatuses } from "@tessera/domain";
import { Alert, Button, ConfirmDialog } from "@tessera/ui";
import type { inferRouterOutputs } from "@trpc/server";
import { useState } from "react";
import { useLocation, useParams } from "react-router";
import { ErrorAlert } from "../components/error-alert.tsx";
import { QueryState } from "../components/query-state.tsx";
import { TicketHeading } from "../components/ticket-heading.tsx";
import { STATUS_LABELS } from "../components/ticket-parts.tsx";
import { TicketSlaCard } from "../components/ticket-sla-card.tsx";
import { ReplyForm, TicketThread } from "../components/ticket-thread.tsx";
import { trpc } from "../trpc.ts";
import { TicketRating } from "./ticket-rating.tsx";

type CustomerTicket = inferRouterOutputs<AppRouter>["support"]["getMine"];

/** Replies and status changes, each refreshing the ticket and the list; the notice says what changed. */
const useCustomerTicketChanges = (ticketId: string) => {
  const utils = trpc.useUtils();
  const [notice, setNotice] = useState<string | null>(null);
  const [confirmClose, setConfirmClose] = useState(false);
  const refresh = () =>
    Promise.all([utils.support.getMine.invalidate({ ticketId }), utils.support.mine.invalidate()]);
  const reply = trpc.support.replyMine.useMutation({ onSuccess: refresh });
  const status = trpc.support.updateMyStatus.useMutation({
    onMutate: () => setNotice(null),
    onSuccess: async (updated) => {
      setConfirmClose(false);
      setNotice(`${updated.reference} is now ${STATUS_LABELS[updated.status].toLowerCase()}.`);
      await refresh();
    },
  });
  return { notice, confirmClose, setConfirmClose, reply, status };
};

/** Customers may resolve an open ticket and close a resolved one (after confirming). */
const CustomerTicketActions = ({
  data,
  status,
  onClose,
}: {
  data: CustomerTicket;
  status: ReturnType<typeof useCustomerTicketChanges>["status"];
  onClose: () => void;
}) => {
  const mayResolve = nextTicketStatuses(data.status, "CUSTOMER").includes("RESOLVED");
  const mayClose = nextTicketStatuses(data.status, "CUSTOMER").includes("CLOSED");
  if (!mayResolve && !mayClose) return null;
  return (
    <div className="mt-4 flex flex-wrap gap-2">
      {mayResolve && (
        <Button
          variant="secondary"
          busy={status.isPending}
          onClick={() => {
            status.reset();
            status.mutate({ ticketId: data.id, status: "RESOLVED" });
          }}
        >
          {status.isPending ? "Saving…" : "Mark resolved"}
        </Button>
      )}
      {mayClose && (
        <Button variant="danger" disabled={status.isPending} onClick={onClose}>
          Close
        </Button>
      )}
    </div>
  );
};

/** One of the organisation's tickets: response targets, the public thread, a reply, resolve and close. */
export const PortalTicketPage = () => {
  const { ticketId = "" } = useParams();
  // Support answers from elsewhere: coming back to the ticket asks again rather than showing
  // the copy cached when it was opened moments before.
  const ticket = trpc.support.getMine.useQuery({ ticketId }, { staleTime: 0 });
  const { notice, confirmClose, setConfirmClose, reply, status } = useCustomerTicketChanges(ticketId);
  // The new-ticket form comes here with the reference it just opened.
  const opened = (useLocation().state as { opened?: string } | null)?.opened;

  return (
    <QueryState
      query={ticket}
      record={{ what: "ticket", list: { to: "/portal/tickets", label: "Your tickets" } }}
    >
      {(data) => {
        return (
          <>
            <div className="mb-6">
              <TicketHeading
                ticket={data}
                back={{ to: "/portal/tickets", label: "All tickets" }}
                handler={{ label: "Handled by", nobody: "Our support team" }}
              />
              <CustomerTicketActions
                data={data}
                status={status}
                onClose={() => {
                  status.reset();
                  setConfirmClose(true);
                }}
              />
              <div aria-live="polite" className="mt-4 space-y-2">
                {!confirmClose && <ErrorAlert error={status.error} title="That change was not made" />}
                {opened === data.reference && !notice && (
                  <Alert tone="success">{opened} was opened. Our support team has been told.</Alert>
                )}
                {notice && <Alert tone="success">{notice}</Alert>}
              </div>
            </div>
            <div className="space-y-6">
              <TicketRating ticketId={data.id} status={data.status} />
              <TicketSlaCard data={data} title="Our response targets" />
              <TicketThread
                description={data.description}
                requester={data.requesterLabel}
                createdAt={data.createdAt}
                messages={data.messages}
                attachments={data.attachments}
              />
              <ReplyForm
                ticketId={data.id}
                allowInternal={false}
                disabled={data.status === "CLOSED"}
                disabledReason="This ticket is closed. Open a new ticket if you need more help."
                pending={reply.isPending}
                error={reply.error}
                onSubmit={({ ticketId: id, body, attachmentIds }) =>
                  reply.mutateAsync({ ticketId: id, body, attachmentIds })
                }
              />
            </div>
            <ConfirmDialog
              open={confirmClose}
              title={`Close ${data.reference}?`}
              confirmLabel="Close ticket"
              cancelLabel="Keep ticket open"
              busy={status.isPending}
              busyLabel="Closing…"
              onCancel={() => {
                setConfirmClose(false);
                status.reset();
              }}
              onConfirm={() => status.mutate({ ticketId: data.id, status: "CLOSED" })}
            >
              <p>A closed ticket takes no more replies. Open a new ticket if the problem comes back.</p>
              <ErrorAlert error={status.error} title="Not closed" />
            </ConfirmDialog>
          </>
        );
      }}
    </QueryState>
  );
};
