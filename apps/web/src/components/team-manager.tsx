import { Alert, Card, ConfirmDialog } from "@tessera/ui";
import { useMemo } from "react";
import { useMe } from "../auth/session.tsx";
import { DataTable } from "./data-table/data-table.tsx";
import { TableEmpty } from "./data-table/table-empty.tsx";
import { ErrorAlert } from "./error-alert.tsx";
import { Pagination } from "./pagination.tsx";
import { PendingInvitations } from "./pending-invitations.tsx";
import { QueryState } from "./query-state.tsx";
import { InviteMember, memberRoleOptions } from "./team-add-member.tsx";
import { type Member, type MemberTableMeta, memberColumns } from "./team-member-row.tsx";
import { useTeamChanges } from "./use-team-changes.ts";

type TeamChanges = ReturnType<typeof useTeamChanges>;

/** The table-wide outcome of the last change (the dialog shows its own while open). */
const ChangeStatus = ({
  change,
  confirming,
  notice,
}: {
  change: TeamChanges["change"];
  confirming: boolean;
  notice: string | null;
}) => (
  <div aria-live="polite" className="space-y-2">
    {change.error && !confirming ? (
      <ErrorAlert error={change.error} title="That change was not made" />
    ) : null}
    {notice && <Alert tone="success">{notice}</Alert>}
    {change.isPending && !confirming ? (
      <p role="status" className="text-sm text-fg-muted">
        Saving…
      </p>
    ) : null}
  </div>
);

/** Disabling signs the member out everywhere, so it asks first. */
const DisableMemberDialog = ({
  member: confirming,
  change,
  onClose,
}: {
  member: Member | null;
  change: TeamChanges["change"];
  onClose: () => void;
}) => (
  <ConfirmDialog
    open={confirming !== null}
    title={`Disable ${confirming?.name ?? ""}?`}
    confirmLabel="Disable member"
    cancelLabel="Keep member active"
    busy={change.isPending}
    busyLabel="Saving…"
    onCancel={() => {
      onClose();
      change.reset();
    }}
    onConfirm={() => confirming && change.mutate({ userId: confirming.id, disabled: true })}
  >
    <p>{confirming?.email} is signed out everywhere at once and cannot sign in until enabled again.</p>
    <ErrorAlert error={change.error} title="Not disabled" />
  </ConfirmDialog>
);

/**
 * An organisation's people: staff manage any organisation's (by id), customer admins their
 * own. `canManage` hides the controls from roles that may only look; `canGrantOwner` says
 * whether the viewer may hand out or take away the OWNER role (staff and owners).
 */
export const TeamManager = ({
  organizationId,
  canManage,
  canGrantOwner,
}: {
  organizationId?: string;
  canManage: boolean;
  canGrantOwner: boolean;
}) => {
  const me = useMe();
  const { list, setPage, change, pendingFor, confirming, setConfirming, notice, setNotice } =
    useTeamChanges(organizationId);
  const roleOptions = memberRoleOptions(canGrantOwner);
  // Customer admins may not touch owners; nobody disables their own account here.
  const mayChange = (member: Member) => canManage && (canGrantOwner || member.role !== "OWNER");
  const isMe = (member: Member) => member.id === me.data?.userId;
  // Table wants stable columns: made again only if the actions column comes or goes.
  const columns = useMemo(() => memberColumns(canManage), [canManage]);
  const meta: MemberTableMeta = {
    isMe,
    mayChange,
    change,
    pendingFor,
    confirming: confirming !== null,
    roleOptions,
    onDisable: (target) => {
      change.reset();
      setConfirming(target);
    },
  };

  return (
    <div className="space-y-6">
      <Card title="Members">
        <ChangeStatus change={change} confirming={confirming !== null} notice={notice} />
        <QueryState query={list}>
          {(data) =>
            data.items.length === 0 ? (
              <TableEmpty filtered={false} empty="No members yet." noMatch="" />
            ) : (
              <>
                <DataTable
                  id="team-members"
                  caption="People in this organisation"
                  columns={columns}
                  data={data.items}
                  getRowId={(member) => member.id}
                  meta={meta}
                  rowAttributes={(member) => ({ "aria-busy": pendingFor === member.id || undefined })}
                />
                <Pagination
                  page={data.page}
                  pageCount={data.pageCount}
                  total={data.total}
                  onPage={setPage}
                  noun="member"
                />
              </>
            )
          }
        </QueryState>
      </Card>
      {canManage && organizationId && (
        <InviteMember
          canGrantOwner
          organizationId={organizationId}
          onInvited={async (email) => setNotice(`An invitation was sent to ${email}.`)}
        />
      )}
      {canManage && !organizationId && (
        <>
          <InviteMember
            canGrantOwner={canGrantOwner}
            onInvited={async (email) => setNotice(`An invitation was sent to ${email}.`)}
          />
          <PendingInvitations team="organization" />
        </>
      )}
      <DisableMemberDialog member={confirming} change={change} onClose={() => setConfirming(null)} />
    </div>
  );
};
