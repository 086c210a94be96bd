import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { STATUS_LABELS } from "../components/ticket-parts.tsx";
import { useTRPC } from "../trpc.ts";

type StaffUser = { id: string; name: string };

/**
 * The mutations of the ticket page (reply, status, priority, assignee), each refreshing the
 * ticket, the queue and the stats, and the notice that says what the last change did.
 */
export const useTicketControls = (ticketId: string, staff: StaffUser[] | undefined) => {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
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
        const name = staff?.find((user) => user.id === updated.assigneeId)?.name;
        setNotice(name ? `Assigned to ${name}.` : "The ticket is unassigned.");
        await refresh();
      },
    }),
  );
  const busy = status.isPending || priority.isPending || assign.isPending;
  const controlError = (!confirmClose && status.error) || priority.error || assign.error;

  return { notice, confirmClose, setConfirmClose, reply, status, priority, assign, busy, controlError };
};
