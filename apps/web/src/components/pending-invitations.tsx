import { useMutation, useQuery } from "@tanstack/react-query";
import { Alert, Card, ConfirmDialog } from "@tessera/ui";
import { useState } from "react";
import { trpc } from "../trpc.ts";
import { DataTable } from "./data-table/data-table.tsx";
import { TableEmpty } from "./data-table/table-empty.tsx";
import { ErrorAlert } from "./error-alert.tsx";
import { type Action, INVITATION_COLUMNS, type InvitationTableMeta } from "./pending-invitation-columns.tsx";
import { QueryState } from "./query-state.tsx";

/** Whose invitations: the signed-in customer's organisation, or Tessera's staff. */
export type InvitationTeam = "organization" | "staff";

/** The team's invitations in the query cache: their query options and their refresh. */
export const useInvitationsQuery = (team: InvitationTeam) => {
  const utils = trpc.useUtils();
  return team === "staff" ? utils.staffTeam.invitations : utils.team.invitations;
};

/** Open invitations with resend (a fresh link; the old one stops working) and revoke. */
export const PendingInvitations = ({ team }: { team: InvitationTeam }) => {
  const client = trpc.useUtils().client;
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
      await invitations.invalidate();
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
            <TableEmpty filtered={false} empty="No pending invitations." noMatch="" />
          ) : (
            <DataTable
              id="pending-invitations"
              caption="Invitations not yet accepted"
              columns={INVITATION_COLUMNS}
              data={items}
              getRowId={(invitation) => invitation.id}
              meta={{ act, setRevoking } satisfies InvitationTableMeta}
              rowAttributes={(invitation) => ({ "aria-label": `Invitation to ${invitation.email}` })}
            />
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
