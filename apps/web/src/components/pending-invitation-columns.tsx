import type { UseMutationResult } from "@tanstack/react-query";
import type { AppRouter } from "@tessera/api";
import { ROLE_LABELS } from "@tessera/domain";
import { Badge, Button } from "@tessera/ui";
import type { inferRouterOutputs } from "@trpc/server";
import { columnHelper } from "./data-table/features.ts";
import { DayText } from "./dates/date-text.tsx";

type Invitation = inferRouterOutputs<AppRouter>["team"]["invitations"][number];

export type Action = { kind: "resend" | "revoke"; invitationId: string; email: string };

/** What the action cells read besides their row: the one resend or revoke under way, and the revoke to confirm. */
export interface InvitationTableMeta {
  act: UseMutationResult<unknown, unknown, Action>;
  setRevoking: (revoking: { invitationId: string; email: string }) => void;
}

const column = columnHelper<Invitation>();

/** Resend (a fresh link; the old one stops working) and revoke, each naming whom it is for. */
const Actions = ({ invitation, act, setRevoking }: InvitationTableMeta & { invitation: Invitation }) => (
  <div className="flex items-center justify-end gap-2">
    <Button
      variant="secondary"
      busy={act.isPending && act.variables?.invitationId === invitation.id}
      onClick={() => act.mutate({ kind: "resend", invitationId: invitation.id, email: invitation.email })}
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
);

/** The open invitations' columns: who, as what, invited by whom, until when, and what to do. */
export const INVITATION_COLUMNS = [
  column.accessor("email", {
    header: "Email",
    enableHiding: false,
    cell: ({ getValue }) => <span className="font-medium text-fg">{getValue()}</span>,
  }),
  column.accessor("role", { header: "Role", cell: ({ getValue }) => ROLE_LABELS[getValue()] }),
  column.accessor("invitedByName", {
    header: "Invited by",
    cell: ({ getValue }) => getValue() ?? "Tessera",
  }),
  column.accessor("expiresAt", {
    header: "Link valid until",
    cell: ({ row: { original: invitation } }) =>
      invitation.expired ? (
        <Badge tone="amber">Expired</Badge>
      ) : (
        <span className="whitespace-nowrap">
          <DayText value={invitation.expiresAt} />
        </span>
      ),
  }),
  column.display({
    id: "actions",
    header: "Actions",
    enableHiding: false,
    cell: ({ row, table }) => (
      <Actions invitation={row.original} {...(table.options.meta as InvitationTableMeta)} />
    ),
  }),
];
