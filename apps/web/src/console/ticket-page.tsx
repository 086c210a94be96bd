import { ConfirmDialog } from "@tessera/ui";
import { useParams } from "react-router";
import { useRole } from "../auth/session.tsx";
import { ErrorAlert } from "../components/error-alert.tsx";
import { QueryState } from "../components/query-state.tsx";
import { TicketSlaCard } from "../components/ticket-sla-card.tsx";
import { ReplyForm, TicketThread } from "../components/ticket-thread.tsx";
import { trpc } from "../trpc.ts";
import { ApplyMacroMenu } from "./apply-macro-menu.tsx";
import { CustomerContextCard } from "./customer-context-card.tsx";
import { TicketHeader } from "./ticket-header.tsx";
import { TicketManageCard } from "./ticket-manage-card.tsx";
import { TicketSatisfactionCard } from "./ticket-satisfaction-card.tsx";
import { useTicketControls } from "./use-ticket-controls.ts";

/** One ticket for staff: header, SLA clocks, thread with internal notes, reply and controls. */
export const TicketPage = () => {
  const { ticketId = "" } = useParams();
  const role = useRole();
  const canAct = role === "ADMIN" || role === "SUPPORT";
  const ticket = trpc.support.get.useQuery({ ticketId });
  const staff = trpc.organizations.staffUsers.useQuery(undefined, { enabled: canAct });
  const controls = useTicketControls(ticketId, staff.data);
  const { confirmClose, setConfirmClose, reply, status } = controls;
  return (
    <QueryState
      query={ticket}
      record={{ what: "ticket", list: { to: "/console/support", label: "The support queue" } }}
    >
      {(data) => (
        <>
          <TicketHeader data={data} />
          <div className="grid grid-cols-1 gap-6 lg:grid-cols-3">
            <div className="space-y-6 lg:col-span-2">
              <TicketThread
                description={data.description}
                requester={data.requesterLabel}
                createdAt={data.createdAt}
                messages={data.messages}
                attachments={data.attachments}
              />
              {canAct && data.status !== "CLOSED" && (
                <ApplyMacroMenu ticketId={data.id} version={data.version} />
              )}
              {canAct && (
                <ReplyForm
                  ticketId={data.id}
                  allowInternal
                  disabled={data.status === "CLOSED"}
                  disabledReason="This ticket is closed: it takes no more replies."
                  pending={reply.isPending}
                  error={reply.error}
                  onSubmit={(input) => reply.mutateAsync(input)}
                />
              )}
            </div>
            <div className="space-y-6">
              <TicketSlaCard data={data} />
              {canAct && <TicketManageCard data={data} controls={controls} staff={staff.data} />}
              <CustomerContextCard ticketId={data.id} />
              <TicketSatisfactionCard ticketId={data.id} />
            </div>
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
            <p>A closed ticket is final: it takes no more replies and cannot be reopened.</p>
            <ErrorAlert error={status.error} title="Not closed" />
          </ConfirmDialog>
        </>
      )}
    </QueryState>
  );
};
