import type { UseMutationResult } from "@tanstack/react-query";
import { type CustomerRole, ROLE_LABELS, type UserRole } from "@tessera/domain";
import { Badge, Button, ConfirmDialog } from "@tessera/ui";
import { useState } from "react";
import { trpc } from "../trpc.ts";
import { columnHelper } from "./data-table/features.ts";
import { InstantText } from "./dates/date-text.tsx";
import { ErrorAlert } from "./error-alert.tsx";

export interface Member {
  id: string;
  name: string;
  email: string;
  role: UserRole;
  disabledAt: Date | null;
  lastSignInAt: Date | null;
}

export type MemberChange = { userId: string; role: CustomerRole } | { userId: string; disabled: boolean };

/** What the cells read besides their row (`table.options.meta`): who may change what, and the one change under way. */
export interface MemberTableMeta {
  isMe: (member: Member) => boolean;
  mayChange: (member: Member) => boolean;
  change: UseMutationResult<{ name: string; role: string }, unknown, MemberChange>;
  pendingFor: string | undefined;
  confirming: boolean;
  roleOptions: { value: string; label: string }[];
  onDisable: (member: Member) => void;
}

type CellProps = MemberTableMeta & { member: Member };

/** The member's role: a select for those who may change it, a badge for the rest. */
const RoleCell = ({ member, mayChange, change, pendingFor, confirming, roleOptions }: CellProps) =>
  mayChange(member) ? (
    <>
      <label className="sr-only" htmlFor={`role-${member.id}`}>
        Role of {member.name}
      </label>
      <select
        id={`role-${member.id}`}
        value={member.role}
        disabled={change.isPending}
        onChange={(event) =>
          change.mutate({
            userId: member.id,
            role: event.target.value as CustomerRole,
          })
        }
        className="rounded-md border border-line-strong bg-surface px-2 py-1 text-sm text-fg focus:outline-2 focus:outline-indigo-600 disabled:opacity-60"
      >
        {roleOptions.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
      {pendingFor === member.id && !confirming && <span className="ml-2 text-xs text-fg-muted">Saving…</span>}
    </>
  ) : (
    <Badge>{ROLE_LABELS[member.role]}</Badge>
  );

/** An admin ends every session of the member (a lost laptop, a shared password), after a confirmation. */
const SignOutEverywhere = ({ member }: { member: Member }) => {
  const [confirming, setConfirming] = useState(false);
  const revoke = trpc.auth.sessions.revokeAllForUser.useMutation({ onSuccess: () => setConfirming(false) });
  return (
    <>
      <Button
        variant="ghost"
        onClick={() => {
          revoke.reset();
          setConfirming(true);
        }}
        aria-label={`Sign out ${member.name} everywhere`}
      >
        {revoke.isSuccess ? "Signed out" : "Sign out everywhere"}
      </Button>
      <ConfirmDialog
        open={confirming}
        title={`Sign out ${member.name} everywhere?`}
        confirmLabel="Sign out everywhere"
        cancelLabel="Keep them signed in"
        busy={revoke.isPending}
        busyLabel="Signing out…"
        onConfirm={() => revoke.mutate({ userId: member.id })}
        onCancel={() => setConfirming(false)}
      >
        <p>Every session of {member.email} ends; they will have to sign in again.</p>
        {revoke.error ? <ErrorAlert error={revoke.error} title="Could not sign them out" /> : null}
      </ConfirmDialog>
    </>
  );
};

/** Sign out everywhere, and disable or enable again; nothing for one's own account. */
const ActionCell = (props: CellProps) => (
  <div className="flex justify-end whitespace-nowrap">
    {!props.isMe(props.member) && <SignOutEverywhere member={props.member} />}
    <DisableAction {...props} />
  </div>
);

/** Disable or enable again; nothing for one's own account or a member one may not change. */
const DisableAction = ({ member, isMe, mayChange, change, pendingFor, onDisable }: CellProps) => (
  <>
    {!mayChange(member) || isMe(member) ? null : member.disabledAt ? (
      <Button
        variant="secondary"
        busy={pendingFor === member.id}
        disabled={change.isPending}
        onClick={() => change.mutate({ userId: member.id, disabled: false })}
        aria-label={`Enable ${member.name}`}
      >
        {pendingFor === member.id ? "Saving…" : "Enable"}
      </Button>
    ) : (
      <Button
        variant="secondary"
        disabled={change.isPending}
        onClick={() => onDisable(member)}
        aria-label={`Disable ${member.name}`}
      >
        Disable
      </Button>
    )}
  </>
);

const column = columnHelper<Member>();
const metaOf = (table: { options: { meta?: unknown } }) => table.options.meta as MemberTableMeta;

/** The members' columns; the actions column only for those who may manage. */
export const memberColumns = (canManage: boolean) => [
  column.accessor("name", {
    header: "Name",
    enableHiding: false,
    cell: ({ row: { original: member }, table }) => (
      <span className="font-medium text-fg">
        {member.name}
        {metaOf(table).isMe(member) && <span className="ml-2 text-xs text-fg-muted">(you)</span>}
      </span>
    ),
  }),
  column.accessor("email", { header: "Email" }),
  column.accessor("role", {
    header: "Role",
    cell: ({ row, table }) => <RoleCell member={row.original} {...metaOf(table)} />,
  }),
  column.accessor("disabledAt", {
    id: "status",
    header: "Status",
    cell: ({ getValue }) =>
      getValue() ? <Badge tone="red">Disabled</Badge> : <Badge tone="green">Active</Badge>,
  }),
  column.accessor("lastSignInAt", {
    header: "Last sign-in",
    cell: ({ getValue }) => (
      <span className="whitespace-nowrap">
        <InstantText value={getValue()} />
      </span>
    ),
  }),
  ...(canManage
    ? [
        column.display({
          id: "actions",
          header: "Actions",
          enableHiding: false,
          cell: ({ row, table }) => <ActionCell member={row.original} {...metaOf(table)} />,
        }),
      ]
    : []),
];
