import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { AddTeamMemberInput, CUSTOMER_ROLES, type CustomerRole } from "@tessera/domain";
import { type FormEvent, useState } from "react";
import { useMe } from "../auth/session.tsx";
import { useTRPC, useTRPCClient } from "../trpc.ts";
import { Alert } from "./alert.tsx";
import { Badge } from "./badge.tsx";
import { Button } from "./button.tsx";
import { Card } from "./card.tsx";
import { ConfirmDialog } from "./confirm-dialog.tsx";
import { ErrorAlert } from "./error-alert.tsx";
import { Field } from "./field.tsx";
import { formatDate } from "./format-date.ts";
import { Pagination } from "./pagination.tsx";
import { QueryState } from "./query-state.tsx";
import { Select } from "./select.tsx";
import { useSchemaForm } from "./use-form.ts";

interface Member {
  id: string;
  name: string;
  email: string;
  role: string;
  disabledAt: Date | null;
  lastSignInAt: Date | null;
}

type Change = { userId: string; role: CustomerRole } | { userId: string; disabled: boolean };

const PAGE_SIZE = 20;

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
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const me = useMe();
  const [page, setPage] = useState(1);
  const staffView = organizationId !== undefined;
  const list = useQuery({
    ...(staffView
      ? trpc.organizations.users.queryOptions({ organizationId, page, pageSize: PAGE_SIZE })
      : trpc.team.list.queryOptions({ page, pageSize: PAGE_SIZE })),
    placeholderData: keepPreviousData,
  });
  const refresh = () =>
    Promise.all([
      queryClient.invalidateQueries({
        queryKey: staffView ? trpc.organizations.users.pathKey() : trpc.team.list.pathKey(),
      }),
      queryClient.invalidateQueries({ queryKey: trpc.audit.pathKey() }),
    ]);

  const [confirming, setConfirming] = useState<Member | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const client = useTRPCClient();
  // One change at a time; its progress and its error are shown for the whole table.
  const change = useMutation({
    mutationFn: (input: Change) => {
      if (staffView) return client.organizations.updateUser.mutate(input);
      return "role" in input ? client.team.changeRole.mutate(input) : client.team.setDisabled.mutate(input);
    },
    onMutate: () => setNotice(null),
    onSuccess: async (member, input) => {
      setConfirming(null);
      setNotice(
        "role" in input
          ? `${member.name} is now ${member.role}.`
          : `${member.name} is ${input.disabled ? "disabled" : "enabled again"}.`,
      );
      await refresh();
    },
  });
  const pendingFor = change.isPending ? change.variables?.userId : undefined;
  const roleOptions = CUSTOMER_ROLES.filter((role) => canGrantOwner || role !== "OWNER").map((role) => ({
    value: role,
    label: role,
  }));
  // Customer admins may not touch owners; nobody disables their own account here.
  const mayChange = (member: Member) => canManage && (canGrantOwner || member.role !== "OWNER");
  const isMe = (member: Member) => member.id === me.data?.userId;

  return (
    <div className="space-y-6">
      <Card title="Members">
        <div aria-live="polite" className="space-y-2">
          {change.error && !confirming ? (
            <ErrorAlert error={change.error} title="That change was not made" />
          ) : null}
          {notice && <Alert tone="success">{notice}</Alert>}
          {change.isPending && !confirming ? (
            <p role="status" className="text-sm text-slate-600 dark:text-slate-300">
              Saving…
            </p>
          ) : null}
        </div>
        <QueryState query={list}>
          {(data) =>
            data.items.length === 0 ? (
              <p className="py-6 text-sm text-slate-600 dark:text-slate-300">No members yet.</p>
            ) : (
              <>
                <div className="mt-2 overflow-x-auto">
                  <table className="w-full text-left text-sm">
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
                    <tbody className="divide-y divide-slate-100 dark:divide-slate-800">
                      {data.items.map((member) => (
                        <tr key={member.id} aria-busy={pendingFor === member.id || undefined}>
                          <td className="py-2 pr-4 font-medium text-slate-900 dark:text-slate-100">
                            {member.name}
                            {isMe(member) && (
                              <span className="ml-2 text-xs text-slate-500 dark:text-slate-400">(you)</span>
                            )}
                          </td>
                          <td className="py-2 pr-4 text-slate-700 dark:text-slate-300">{member.email}</td>
                          <td className="py-2 pr-4">
                            {mayChange(member) ? (
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
                                  <span className="ml-2 text-xs text-slate-500 dark:text-slate-400">
                                    Saving…
                                  </span>
                                )}
                              </>
                            ) : (
                              <Badge>{member.role}</Badge>
                            )}
                          </td>
                          <td className="py-2 pr-4">
                            {member.disabledAt ? (
                              <Badge tone="red">Disabled</Badge>
                            ) : (
                              <Badge tone="green">Active</Badge>
                            )}
                          </td>
                          <td className="whitespace-nowrap py-2 pr-4 text-slate-700 dark:text-slate-300">
                            {formatDate(member.lastSignInAt)}
                          </td>
                          {canManage && (
                            <td className="py-2 text-right">
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
                                  onClick={() => {
                                    change.reset();
                                    setConfirming(member);
                                  }}
                                  aria-label={`Disable ${member.name}`}
                                >
                                  Disable
                                </Button>
                              )}
                            </td>
                          )}
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </div>
                <Pagination
                  page={data.page}
                  pageCount={data.pageCount}
                  total={data.total}
                  onPage={setPage}
                  noun={data.total === 1 ? "member" : "members"}
                />
              </>
            )
          }
        </QueryState>
      </Card>
      {canManage && (
        <AddMember
          organizationId={organizationId}
          canGrantOwner={canGrantOwner}
          onAdded={async (name) => {
            // The portal's answer is the same whether or not the address has an account elsewhere.
            setNotice(
              organizationId
                ? `${name} was added.`
                : `${name} was added. An address that already has an account with another organisation stays with it.`,
            );
            await refresh();
          }}
        />
      )}
      <ConfirmDialog
        open={confirming !== null}
        title={`Disable ${confirming?.name ?? ""}?`}
        confirmLabel="Disable"
        busy={change.isPending}
        busyLabel="Saving…"
        onCancel={() => {
          setConfirming(null);
          change.reset();
        }}
        onConfirm={() => confirming && change.mutate({ userId: confirming.id, disabled: true })}
      >
        <p>{confirming?.email} is signed out everywhere at once and cannot sign in until enabled again.</p>
        <ErrorAlert error={change.error} title="Not disabled" />
      </ConfirmDialog>
    </div>
  );
};

const EMPTY_MEMBER = { name: "", email: "", password: "", role: "MEMBER" as CustomerRole };

const AddMember = ({
  organizationId,
  canGrantOwner,
  onAdded,
}: {
  organizationId?: string | undefined;
  canGrantOwner: boolean;
  onAdded: (name: string) => Promise<unknown>;
}) => {
  const trpc = useTRPC();
  const [values, setValues] = useState(EMPTY_MEMBER);
  const form = useSchemaForm(AddTeamMemberInput);
  const options = {
    onSuccess: async (_answer: unknown, variables: { name: string }) => {
      setValues(EMPTY_MEMBER);
      await onAdded(variables.name);
    },
    onError: form.showServerErrors,
  };
  const staffCreate = useMutation(trpc.organizations.createUser.mutationOptions(options));
  const add = useMutation(trpc.team.add.mutationOptions(options));
  const pending = staffCreate.isPending || add.isPending;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    staffCreate.reset();
    add.reset();
    const input = form.parse(values);
    if (!input) return;
    if (organizationId) staffCreate.mutate({ ...input, organizationId });
    else add.mutate(input);
  };
  return (
    <Card title="Add a member">
      <form onSubmit={submit} noValidate aria-label="Add a member" className="grid gap-4 md:grid-cols-4">
        <Field
          label="Name"
          name="memberName"
          value={values.name}
          onChange={(name) => setValues({ ...values, name })}
          error={form.errors.name}
          required
        />
        <Field
          label="Email"
          name="memberEmail"
          type="email"
          autoComplete="off"
          value={values.email}
          onChange={(email) => setValues({ ...values, email })}
          error={form.errors.email}
          required
        />
        <Field
          label="Initial password"
          name="memberPassword"
          type="password"
          autoComplete="new-password"
          value={values.password}
          onChange={(password) => setValues({ ...values, password })}
          error={form.errors.password}
          required
          hint="At least 10 characters; share it securely"
        />
        <Select
          label="Role"
          name="memberRole"
          value={values.role}
          onChange={(role) => setValues({ ...values, role: role as CustomerRole })}
          options={CUSTOMER_ROLES.filter((role) => canGrantOwner || role !== "OWNER").map((role) => ({
            value: role,
            label: role,
          }))}
          error={form.errors.role}
        />
        <div className="md:col-span-4">
          <ErrorAlert error={staffCreate.error ?? add.error} title="Member not added" />
        </div>
        <div className="flex justify-end md:col-span-4">
          <Button type="submit" busy={pending}>
            {pending ? "Saving…" : "Add member"}
          </Button>
        </div>
      </form>
    </Card>
  );
};
