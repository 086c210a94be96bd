import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTRPC, useTRPCClient } from "../trpc.ts";
import { Alert } from "./alert.tsx";
import { Badge } from "./badge.tsx";
import { Button } from "./button.tsx";
import { Card } from "./card.tsx";
import { ConfirmDialog } from "./confirm-dialog.tsx";
import { ErrorAlert } from "./error-alert.tsx";
import { formatDay } from "./format-date.ts";
import { QueryState } from "./query-state.tsx";

/** Whose invitations: the signed-in customer's organisation, or Tessera's staff. */
export type InvitationTeam = "organization" | "staff";

/** The team's invitations query, shared by the list and the invite form (which refreshes it). */
export const useInvitationsQuery = (team: InvitationTeam) => {
  const trpc = useTRPC();
  return team === "staff" ? trpc.staffTeam.invitations : trpc.team.invitations;
};

type Action = { kind: "resend" | "revoke"; invitationId: string; email: string };

/** Open invitations with resend (a fresh link; the old one stops working) and revoke. */
export const PendingInvitations = ({ team }: { team: InvitationTeam }) => {
  const client = useTRPCClient();
  const queryClient = useQueryClient();
  const invitations = useInvitationsQuery(team);
  const list = useQuery(invitations.queryOptions());
  const [notice, setNotice] = useState<string | null>(null);
  // Revoking stops the mailed link for good (a new invitation is a new mail): it confirms first.
  const [revoking, setRevoking] = useState<{ invitationId: string; email: string } | null>(null);
  const act = useMutation({
    mutationFn: ({ kind, invitationId }: Action) => {
      const area = team === "staff" ? client.staffTeam : client.team;
      return kind === "resend"
        ? area.resendInvitation.mutate({ invitationId })
        : area.revokeInvitation.mutate({ invitationId });
    },
    onMutate: () => setNotice(null),
    onSuccess: async (_answer, { kind, email }) => {
      setRevoking(null);
      setNotice(
        kind === "resend" ? `A new link was sent to ${email}.` : `The invitation to ${email} was withdrawn.`,
      );
      await queryClient.invalidateQueries({ queryKey: invitations.pathKey() });
    },
  });
  return (
    <Card title="Pending invitations">
      <div aria-live="polite" className="space-y-2">
        {notice && <Alert tone="success">{notice}</Alert>}
        <ErrorAlert error={act.error} title="That change was not made" />
      </div>
      <QueryState query={list}>
        {(items) =>
          items.length === 0 ? (
            <p className="py-4 text-sm text-slate-600 dark:text-slate-300">No pending invitations.</p>
          ) : (
            <ul className="divide-y divide-slate-100 dark:divide-slate-800">
              {items.map((invitation) => (
                <li
                  key={invitation.id}
                  aria-label={`Invitation to ${invitation.email}`}
                  className="flex flex-wrap items-center justify-between gap-2 py-3 text-sm"
                >
                  <div>
                    <p className="font-medium text-slate-900 dark:text-slate-100">{invitation.email}</p>
                    <p className="text-slate-600 dark:text-slate-300">
                      {invitation.role} · invited by {invitation.invitedByName ?? "Tessera"} ·{" "}
                      {invitation.expired ? "expired" : `link valid until ${formatDay(invitation.expiresAt)}`}
                    </p>
                  </div>
                  <div className="flex items-center gap-2">
                    {invitation.expired && <Badge tone="amber">Expired</Badge>}
                    <Button
                      variant="secondary"
                      busy={act.isPending && act.variables?.invitationId === invitation.id}
                      onClick={() =>
                        act.mutate({ kind: "resend", invitationId: invitation.id, email: invitation.email })
                      }
                    >
                      Resend<span className="sr-only"> the invitation to {invitation.email}</span>
                    </Button>
                    <Button
                      variant="ghost"
                      onClick={() => setRevoking({ invitationId: invitation.id, email: invitation.email })}
                    >
                      Revoke<span className="sr-only"> the invitation to {invitation.email}</span>
                    </Button>
                  </div>
                </li>
              ))}
            </ul>
          )
        }
      </QueryState>
      <ConfirmDialog
        open={revoking !== null}
        title={`Revoke the invitation to ${revoking?.email ?? ""}?`}
        confirmLabel="Revoke invitation"
        cancelLabel="Keep invitation"
        busy={act.isPending && act.variables?.kind === "revoke"}
        busyLabel="Revoking…"
        onConfirm={() => revoking && act.mutate({ kind: "revoke", ...revoking })}
        onCancel={() => setRevoking(null)}
      >
        <p>The link already mailed stops working at once. To invite them again, send a new invitation.</p>
      </ConfirmDialog>
    </Card>
  );
};
