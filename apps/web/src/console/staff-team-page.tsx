import type { AppRouter } from "@tessera/api";
import { InviteStaffInput, ROLE_LABELS, STAFF_INVITE_ROLES } from "@tessera/domain";
import { Alert, Badge, Card } from "@tessera/ui";
import type { inferRouterOutputs } from "@trpc/server";
import { useState } from "react";
import { DataTable } from "../components/data-table/data-table.tsx";
import { columnHelper } from "../components/data-table/features.ts";
import { InstantText } from "../components/dates/date-text.tsx";
import { controlFor } from "../components/form-field.tsx";
import { InviteForm, type InviteValues, useInviteForm } from "../components/invite-form.tsx";
import { PageHeader } from "../components/page-header.tsx";
import { PendingInvitations } from "../components/pending-invitations.tsx";
import { QueryState } from "../components/query-state.tsx";
import { trpc } from "../trpc.ts";

type StaffRole = (typeof STAFF_INVITE_ROLES)[number];
type StaffMember = inferRouterOutputs<AppRouter>["staffTeam"]["list"][number];

const column = columnHelper<StaffMember>();
const STAFF_COLUMNS = [
  column.accessor("name", { header: "Name", enableHiding: false }),
  column.accessor("email", { header: "Email" }),
  column.accessor("role", {
    header: "Role",
    cell: ({ row: { original: person } }) => (
      <>
        {ROLE_LABELS[person.role]} {person.disabledAt && <Badge tone="red">Disabled</Badge>}
      </>
    ),
  }),
  column.accessor("lastSignInAt", {
    header: "Last sign-in",
    cell: ({ getValue }) => <InstantText value={getValue()} />,
  }),
];

/** A staff admin invites a colleague by mail; the colleague chooses their own password. */
const InviteStaff = ({ onInvited }: { onInvited: (email: string) => void }) => {
  const utils = trpc.useUtils();
  const form = useInviteForm(InviteStaffInput, "SUPPORT" as StaffRole);
  const invite = trpc.staffTeam.invite.useMutation({
    onSuccess: async (invitation) => {
      form.reset();
      await utils.staffTeam.invitations.invalidate();
      onInvited(invitation.email);
    },
    onError: form.showServerErrors,
  });
  const submit = form.handleSubmit(
    (input) => invite.mutate(input),
    () => invite.reset(),
  );
  return (
    <InviteForm
      title="Invite a colleague"
      name="staff"
      control={controlFor<InviteValues<string>, InviteValues<StaffRole>>(form.control)}
      roles={STAFF_INVITE_ROLES.map((role) => ({ value: role, label: ROLE_LABELS[role] }))}
      error={invite.error}
      busy={invite.isPending}
      onSubmit={submit}
    />
  );
};

/** Tessera's staff users and the invitations still open. */
export const StaffTeamPage = () => {
  const list = trpc.staffTeam.list.useQuery();
  const [notice, setNotice] = useState<string | null>(null);
  return (
    <>
      <PageHeader
        title="Team"
        description="Tessera's staff: invite colleagues, see who is waiting to join."
      />
      <div className="space-y-6">
        <Card title="Staff">
          <QueryState query={list}>
            {(people) => (
              <DataTable
                id="staff-team"
                caption="Staff"
                columns={STAFF_COLUMNS}
                data={people}
                getRowId={(person) => person.id}
              />
            )}
          </QueryState>
        </Card>
        <div aria-live="polite">{notice && <Alert tone="success">{notice}</Alert>}</div>
        <InviteStaff onInvited={(email) => setNotice(`An invitation was sent to ${email}.`)} />
        <PendingInvitations team="staff" />
      </div>
    </>
  );
};
