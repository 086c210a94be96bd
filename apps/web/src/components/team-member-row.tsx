import { type UseMutationResult, useMutation } from "@tanstack/react-query";
import type { CustomerRole } from "@tessera/domain";
import { useState } from "react";
import { useTRPC } from "../trpc.ts";
import { Badge } from "./badge.tsx";
import { Button } from "./button.tsx";
import { ConfirmDialog } from "./confirm-dialog.tsx";
import { ErrorAlert } from "./error-alert.tsx";
import { formatDate } from "./format-date.ts";

export interface Member {
  id: string;
  name: string;
  email: string;
  role: string;
  disabledAt: Date | null;
  lastSignInAt: Date | null;
}

export type MemberChange = { userId: string; role: CustomerRole } | { userId: string; disabled: boolean };

/** What a row needs from the table: who may change what, and the one change under way. */
export interface MemberRowProps {
  member: Member;
  isMe: boolean;
  mayChange: boolean;
  canManage: boolean;
  change: UseMutationResult<{ name: string; role: string }, unknown, MemberChange>;
  pendingFor: string | undefined;
  confirming: boolean;
  roleOptions: { value: string; label: string }[];
  onDisable: (member: Member) => void;
}

/** The member's role: a select for those who may change it, a badge for the rest. */
const RoleCell = ({ member, mayChange, change, pendingFor, confirming, roleOptions }: MemberRowProps) => (
  <td className="py-2 pr-4">
    {mayChange ? (
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
          className="rounded-md border border-slate-300 dark:border-slate-600 bg-white dark:bg-slate-900 px-2 py-1 text-sm focus:outline-2 focus:outline-indigo-600 disabled:opacity-60"
        >
          {roleOptions.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </select>
        {pendingFor === member.id && !confirming && (
          <span className="ml-2 text-xs text-slate-500 dark:text-slate-400">Saving…</span>
        )}
      </>
    ) : (
      <Badge>{member.role}</Badge>
    )}
  </td>
);

/** An admin ends every session of the member (a lost laptop, a shared password), after a confirmation. */
const SignOutEverywhere = ({ member }: { member: Member }) => {
  const trpc = useTRPC();
  const [confirming, setConfirming] = useState(false);
  const revoke = useMutation(
    trpc.auth.sessions.revokeAllForUser.mutationOptions({ onSuccess: () => setConfirming(false) }),
  );
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
const ActionCell = (props: MemberRowProps) => (
  <td className="whitespace-nowrap py-2 text-right">
    {!props.isMe && <SignOutEverywhere member={props.member} />}
    <DisableAction {...props} />
  </td>
);

/** Disable or enable again; nothing for one's own account or a member one may not change. */
const DisableAction = ({ member, isMe, mayChange, change, pendingFor, onDisable }: MemberRowProps) => (
  <>
    {!mayChange || isMe ? null : member.disabledAt ? (
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

export const MemberRow = (props: MemberRowProps) => {
  const { member, isMe, pendingFor } = props;
  return (
    <tr aria-busy={pendingFor === member.id || undefined}>
      <td className="py-2 pr-4 font-medium text-slate-900 dark:text-slate-100">
        {member.name}
        {isMe && <span className="ml-2 text-xs text-slate-500 dark:text-slate-400">(you)</span>}
      </td>
      <td className="py-2 pr-4 text-slate-700 dark:text-slate-300">{member.email}</td>
      <RoleCell {...props} />
      <td className="py-2 pr-4">
        {member.disabledAt ? <Badge tone="red">Disabled</Badge> : <Badge tone="green">Active</Badge>}
      </td>
      <td className="whitespace-nowrap py-2 pr-4 text-slate-700 dark:text-slate-300">
        {formatDate(member.lastSignInAt)}
      </td>
      {props.canManage && <ActionCell {...props} />}
    </tr>
  );
};

/** The members' table head; the actions column only for those who may manage. */
export const MembersHead = ({ canManage }: { canManage: boolean }) => (
  <thead className="border-b border-slate-200 dark:border-slate-700 text-xs uppercase tracking-wide text-slate-500 dark:text-slate-400">
    <tr>
      <th scope="col" className="py-2 pr-4 font-medium">
        Name
      </th>
      <th scope="col" className="py-2 pr-4 font-medium">
        Email
      </th>
      <th scope="col" className="py-2 pr-4 font-medium">
        Role
      </th>
      <th scope="col" className="py-2 pr-4 font-medium">
        Status
      </th>
      <th scope="col" className="py-2 pr-4 font-medium">
        Last sign-in
      </th>
      {canManage && (
        <th scope="col" className="py-2 font-medium">
          <span className="sr-only">Actions</span>
        </th>
      )}
    </tr>
  </thead>
);
