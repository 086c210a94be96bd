import { useState } from "react";
import { STATUS_LABELS } from "../components/ticket-parts.tsx";
import { trpc } from "../trpc.ts";

type StaffUser = { id: string; name: string };

/**
 * The mutations of the ticket page (reply, status, priority, assignee), each refreshing the
 * ticket, the queue and the stats, and the notice that says what the last change did.
 */
export const useTicketControls = (ticketId: string, staff: StaffUser[] | undefined) => {
  const utils = trpc.useUtils();
  const [notice, setNotice] = useState<string | null>(null);
  const [confirmClose, setConfirmClose] = useState(false);

  const refresh = () =>
    Promise.all([
      utils.support.get.invalidate({ ticketId }),
      utils.support.queue.invalidate(),
      utils.support.stats.invalidate(),
    ]);
  const reply = trpc.support.reply.useMutation({ onSuccess: refresh });
  const status = trpc.support.updateStatus.useMutation({
    onMutate: () => setNotice(null),
    onSuccess: async (updated) => {
      setConfirmClose(false);
      setNotice(`${updated.reference} is now ${STATUS_LABELS[updated.status].toLowerCase()}.`);
      await refresh();
    },
  });
  const priority = trpc.support.changePriority.useMutation({
    onMutate: () => setNotice(null),
    onSuccess: async (updated) => {
      setNotice(`Priority is now ${updated.priority}; the due times were recomputed.`);
      await refresh();
    },
  });
  const assign = trpc.support.assign.useMutation({
    onMutate: () => setNotice(null),
    onSuccess: async (updated) => {
      const name = staff?.find((user) => user.id === updated.assigneeId)?.name;
      setNotice(name ? `Assigned to ${name}.` : "The ticket is unassigned.");
      await refresh();
    },
  });
  const busy = status.isPending || priority.isPending || assign.isPending;
  const controlError = (!confirmClose && status.error) || priority.error || assign.error;

  return { notice, confirmClose, setConfirmClose, reply, status, priority, assign, busy, controlError };
};
