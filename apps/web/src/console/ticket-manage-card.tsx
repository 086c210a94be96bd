import {
  nextTicketStatuses,
  ROLE_LABELS,
  type TicketPriority,
  type TicketStatus,
  type UserRole,
} from "@tessera/domain";
import { Alert, Button, Card, NativeSelect } from "@tessera/ui";
import { ErrorAlert } from "../components/error-alert.tsx";
import { PRIORITY_OPTIONS } from "../components/ticket-parts.tsx";
import type { StaffTicket } from "./staff-ticket.ts";
import type { useTicketControls } from "./use-ticket-controls.ts";

/** What the button moving a ticket to a status says. */
const MOVE_LABELS: Record<TicketStatus, string> = {
  OPEN: "Reopen",
  IN_PROGRESS: "Start work",
  WAITING_ON_CUSTOMER: "Wait on customer",
  RESOLVED: "Resolve",
  CLOSED: "Close",
};

/** Staff controls: move the ticket on, change its priority, assign it. */
export const TicketManageCard = ({
  data,
  controls,
  staff,
}: {
  data: StaffTicket;
  controls: ReturnType<typeof useTicketControls>;
  staff: { id: string; name: string; role: UserRole }[] | undefined;
}) => {
  const { notice, setConfirmClose, status, priority, assign, busy, controlError } = controls;
  return (
    <Card title="Manage">
      <div className="space-y-4">
        <div aria-live="polite" className="space-y-2">
          <ErrorAlert error={controlError} title="That change was not made" />
          {notice && <Alert tone="success">{notice}</Alert>}
        </div>
        <fieldset>
          <legend className="text-sm font-medium text-fg">Move to</legend>
          {nextTicketStatuses(data.status, "STAFF").length === 0 ? (
            <p className="mt-1 text-sm text-fg-muted">Closed tickets stay closed.</p>
          ) : (
            <div className="mt-2 flex flex-wrap gap-2">
              {nextTicketStatuses(data.status, "STAFF").map((next) => (
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
                  {data.status === "RESOLVED" && next === "IN_PROGRESS" ? "Reopen" : MOVE_LABELS[next]}
                </Button>
              ))}
            </div>
          )}
        </fieldset>
        <NativeSelect
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
        <NativeSelect
          label="Assignee"
          name="assignee"
          value={data.assigneeId ?? ""}
          disabled={busy || !staff}
          onChange={(value) => {
            assign.reset();
            assign.mutate({ ticketId: data.id, assigneeId: value || null });
          }}
          options={[
            { value: "", label: "Unassigned" },
            // viewers work no tickets: the API refuses them as assignees
            ...(staff ?? [])
              .filter((user) => user.role !== "VIEWER")
              .map((user) => ({
                value: user.id,
                label: `${user.name} (${ROLE_LABELS[user.role]})`,
              })),
          ]}
        />
        {busy && (
          <p role="status" className="text-sm text-fg-muted">
            Saving…
          </p>
        )}
      </div>
    </Card>
  );
};
