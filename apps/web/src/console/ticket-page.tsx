import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { TicketPriority, TicketStatus } from "@tessera/domain";
import { useState } from "react";
import { Link, useParams } from "react-router";
import { useRole } from "../auth/session.tsx";
import { Alert } from "../components/alert.tsx";
import { Button } from "../components/button.tsx";
import { Card } from "../components/card.tsx";
import { ConfirmDialog } from "../components/confirm-dialog.tsx";
import { ErrorAlert } from "../components/error-alert.tsx";
import { formatDate } from "../components/format-date.ts";
import { QueryState } from "../components/query-state.tsx";
import { Select } from "../components/select.tsx";
import {
  nextStatuses,
  PRIORITY_OPTIONS,
  PriorityBadge,
  SlaCountdown,
  STATUS_LABELS,
  StatusBadge,
} from "../components/ticket-parts.tsx";
import { ReplyForm, TicketThread } from "../components/ticket-thread.tsx";
import { useTRPC } from "../trpc.ts";

/** What the button moving a ticket to a status says. */
const MOVE_LABELS: Record<TicketStatus, string> = {
  OPEN: "Reopen",
  IN_PROGRESS: "Start work",
  WAITING_ON_CUSTOMER: "Wait on customer",
  RESOLVED: "Resolve",
  CLOSED: "Close",
};

/** One ticket for staff: header, SLA clocks, thread with internal notes, reply and controls. */
export const TicketPage = () => {
  const { ticketId = "" } = useParams();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const role = useRole();
  const canAct = role === "ADMIN" || role === "SUPPORT";
  const ticket = useQuery(trpc.support.get.queryOptions({ ticketId }));
  const staff = useQuery({ ...trpc.organizations.staffUsers.queryOptions(), enabled: canAct });
  const [notice, setNotice] = useState<string | null>(null);
  const [confirmClose, setConfirmClose] = useState(false);

  const refresh = () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: trpc.support.get.queryKey({ ticketId }) }),
      queryClient.invalidateQueries({ queryKey: trpc.support.queue.pathKey() }),
      queryClient.invalidateQueries({ queryKey: trpc.support.stats.pathKey() }),
    ]);
  const reply = useMutation(trpc.support.reply.mutationOptions({ onSuccess: refresh }));
  const status = useMutation(
    trpc.support.updateStatus.mutationOptions({
      onMutate: () => setNotice(null),
      onSuccess: async (updated) => {
        setConfirmClose(false);
        setNotice(`${updated.reference} is now ${STATUS_LABELS[updated.status].toLowerCase()}.`);
        await refresh();
      },
    }),
  );
  const priority = useMutation(
    trpc.support.changePriority.mutationOptions({
      onMutate: () => setNotice(null),
      onSuccess: async (updated) => {
        setNotice(`Priority is now ${updated.priority}; the due times were recomputed.`);
        await refresh();
      },
    }),
  );
  const assign = useMutation(
    trpc.support.assign.mutationOptions({
      onMutate: () => setNotice(null),
      onSuccess: async (updated) => {
        const name = staff.data?.find((user) => user.id === updated.assigneeId)?.name;
        setNotice(name ? `Assigned to ${name}.` : "The ticket is unassigned.");
        await refresh();
      },
    }),
  );
  const busy = status.isPending || priority.isPending || assign.isPending;
  const controlError = (!confirmClose && status.error) || priority.error || assign.error;

  return (
    <QueryState query={ticket}>
      {(data) => (
        <>
          <div className="mb-6">
            <Link
              to="/console/support"
              className="text-sm text-indigo-700 dark:text-indigo-300 hover:underline"
            >
              ← Support queue
            </Link>
            <h1 className="mt-2 text-2xl font-semibold tracking-tight text-slate-900 dark:text-slate-100">
              <span className="text-slate-500 dark:text-slate-400">{data.reference}</span> {data.subject}
            </h1>
            <dl className="mt-3 flex flex-wrap gap-x-6 gap-y-2 text-sm">
              <div className="flex gap-2">
                <dt className="text-slate-600 dark:text-slate-300">Organisation</dt>
                <dd>
                  <Link
                    to={`/console/organizations/${data.organizationId}`}
                    className="font-medium text-indigo-700 dark:text-indigo-300 hover:underline"
                  >
                    {data.organizationName}
                  </Link>
                </dd>
              </div>
              <div className="flex gap-2">
                <dt className="text-slate-600 dark:text-slate-300">Priority</dt>
                <dd>
                  <PriorityBadge priority={data.priority} />
                </dd>
              </div>
              <div className="flex gap-2">
                <dt className="text-slate-600 dark:text-slate-300">Status</dt>
                <dd>
                  <StatusBadge status={data.status} />
                </dd>
              </div>
              <div className="flex gap-2">
                <dt className="text-slate-600 dark:text-slate-300">Assignee</dt>
                <dd className="font-medium text-slate-900 dark:text-slate-100">
                  {data.assignee?.name ?? "Unassigned"}
                </dd>
              </div>
              <div className="flex gap-2">
                <dt className="text-slate-600 dark:text-slate-300">Opened</dt>
                <dd className="text-slate-900 dark:text-slate-100">{formatDate(data.createdAt)}</dd>
              </div>
            </dl>
          </div>
          <div className="grid gap-6 lg:grid-cols-3">
            <div className="space-y-6 lg:col-span-2">
              <TicketThread
                description={data.description}
                requester={data.requesterLabel}
                createdAt={data.createdAt}
                messages={data.messages}
              />
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
              <Card title="SLA">
                <dl className="space-y-3 text-sm">
                  <div>
                    <dt className="font-medium text-slate-800 dark:text-slate-200">First response</dt>
                    <dd data-testid="sla-first-response">
                      <SlaCountdown clock={data.sla.firstResponse} stopped={data.firstRespondedAt !== null} />
                    </dd>
                    <dd className="text-xs text-slate-600 dark:text-slate-300">
                      {data.firstRespondedAt
                        ? `Answered ${formatDate(data.firstRespondedAt)}`
                        : `Due ${formatDate(data.sla.firstResponse.dueAt)}`}
                    </dd>
                  </div>
                  <div>
                    <dt className="font-medium text-slate-800 dark:text-slate-200">Resolution</dt>
                    <dd data-testid="sla-resolution">
                      <SlaCountdown clock={data.sla.resolution} stopped={data.resolvedAt !== null} />
                    </dd>
                    <dd className="text-xs text-slate-600 dark:text-slate-300">
                      {data.resolvedAt
                        ? `Resolved ${formatDate(data.resolvedAt)}`
                        : data.sla.resolution.paused
                          ? "Paused while waiting on the customer"
                          : `Due ${formatDate(data.sla.resolution.dueAt)}`}
                    </dd>
                  </div>
                </dl>
              </Card>
              {canAct && (
                <Card title="Manage">
                  <div className="space-y-4">
                    <div aria-live="polite" className="space-y-2">
                      <ErrorAlert error={controlError} title="That change was not made" />
                      {notice && <Alert tone="success">{notice}</Alert>}
                    </div>
                    <fieldset>
                      <legend className="text-sm font-medium text-slate-800 dark:text-slate-200">
                        Move to
                      </legend>
                      {nextStatuses(data.status).length === 0 ? (
                        <p className="mt-1 text-sm text-slate-600 dark:text-slate-300">
                          Closed tickets stay closed.
                        </p>
                      ) : (
                        <div className="mt-2 flex flex-wrap gap-2">
                          {nextStatuses(data.status).map((next) => (
                            <Button
                              key={next}
                              variant={next === "CLOSED" ? "danger" : "secondary"}
                              disabled={busy}
                              busy={status.isPending && status.variables?.status === next}
                              onClick={() => {
                                status.reset();
                                if (next === "CLOSED") setConfirmClose(true);
                                else status.mutate({ ticketId: data.id, status: next });
                              }}
                            >
                              {data.status === "RESOLVED" && next === "IN_PROGRESS"
                                ? "Reopen"
                                : MOVE_LABELS[next]}
                            </Button>
                          ))}
                        </div>
                      )}
                    </fieldset>
                    <Select
                      label="Priority"
                      name="priority"
                      value={data.priority}
                      disabled={busy || data.status === "CLOSED"}
                      onChange={(value) => {
                        priority.reset();
                        priority.mutate({ ticketId: data.id, priority: value as TicketPriority });
                      }}
                      options={PRIORITY_OPTIONS}
                      hint="Both due times are recomputed from the ticket's creation."
                    />
                    <Select
                      label="Assignee"
                      name="assignee"
                      value={data.assigneeId ?? ""}
                      disabled={busy || !staff.data}
                      onChange={(value) => {
                        assign.reset();
                        assign.mutate({ ticketId: data.id, assigneeId: value || null });
                      }}
                      options={[
                        { value: "", label: "Unassigned" },
                        ...(staff.data ?? []).map((user) => ({
                          value: user.id,
                          label: `${user.name} (${user.role})`,
                        })),
                      ]}
                    />
                    {busy && (
                      <p role="status" className="text-sm text-slate-600 dark:text-slate-300">
                        Saving…
                      </p>
                    )}
                  </div>
                </Card>
              )}
            </div>
          </div>
          <ConfirmDialog
            open={confirmClose}
            title={`Close ${data.reference}?`}
            confirmLabel="Close ticket"
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
