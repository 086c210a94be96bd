import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { AddTeamMemberInput, CUSTOMER_ROLES, type CustomerRole } from "@tessera/domain";
import { type FormEvent, useState } from "react";
import { useTRPC } from "../trpc.ts";
import {
  Badge,
  Button,
  Card,
  ConfirmDialog,
  ErrorAlert,
  Field,
  formatDate,
  Pagination,
  QueryState,
  Select,
} from "./ui.tsx";
import { useSchemaForm } from "./use-form.ts";

interface Member {
  id: string;
  name: string;
  email: string;
  role: string;
  disabledAt: Date | null;
  lastSignInAt: Date | null;
}

/**
 * An organisation's people: staff manage any organisation's (by id), customer admins their
 * own. `canManage` hides the controls for roles that may only look.
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
  const [page, setPage] = useState(1);
  const staffView = organizationId !== undefined;
  const list = useQuery({
    ...(staffView
      ? trpc.organizations.users.queryOptions({ organizationId, page, pageSize: 20 })
      : trpc.team.list.queryOptions({ page, pageSize: 20 })),
    placeholderData: keepPreviousData,
  });
  const refresh = () =>
    queryClient.invalidateQueries({
      queryKey: staffView ? trpc.organizations.users.pathKey() : trpc.team.list.pathKey(),
    });

  const staffUpdate = useMutation(trpc.organizations.updateUser.mutationOptions({ onSuccess: refresh }));
  const changeRole = useMutation(trpc.team.changeRole.mutationOptions({ onSuccess: refresh }));
  const setDisabled = useMutation(trpc.team.setDisabled.mutationOptions({ onSuccess: refresh }));
  const [confirming, setConfirming] = useState<Member | null>(null);
  const lastError = staffUpdate.error ?? changeRole.error ?? setDisabled.error;

  const updateRole = (member: Member, role: CustomerRole) =>
    staffView
      ? staffUpdate.mutate({ userId: member.id, role })
      : changeRole.mutate({ userId: member.id, role });
  const toggleDisabled = (member: Member, disabled: boolean) => {
    const done = { onSettled: () => setConfirming(null) };
    if (staffView) staffUpdate.mutate({ userId: member.id, disabled }, done);
    else setDisabled.mutate({ userId: member.id, disabled }, done);
  };
  const roleOptions = CUSTOMER_ROLES.filter((role) => canGrantOwner || role !== "OWNER").map((role) => ({
    value: role,
    label: role,
  }));

  return (
    <div className="space-y-6">
      <Card title="Members">
        <div aria-live="polite">{lastError ? <ErrorAlert error={lastError} /> : null}</div>
        <QueryState query={list}>
          {(data) => (
            <>
              <table className="mt-2 w-full text-left text-sm">
                <thead className="border-b border-slate-200 text-xs uppercase text-slate-500">
                  <tr>
                    <th scope="col" className="py-2 pr-4">
                      Name
                    </th>
                    <th scope="col" className="py-2 pr-4">
                      Email
                    </th>
                    <th scope="col" className="py-2 pr-4">
                      Role
                    </th>
                    <th scope="col" className="py-2 pr-4">
                      Status
                    </th>
                    <th scope="col" className="py-2 pr-4">
                      Last sign-in
                    </th>
                    {canManage && (
                      <th scope="col" className="py-2">
                        Actions
                      </th>
                    )}
                  </tr>
                </thead>
                <tbody className="divide-y divide-slate-100">
                  {data.items.map((member) => (
                    <tr key={member.id}>
                      <td className="py-2 pr-4 font-medium">{member.name}</td>
                      <td className="py-2 pr-4">{member.email}</td>
                      <td className="py-2 pr-4">
                        {canManage && (canGrantOwner || member.role !== "OWNER") ? (
                          <label className="sr-only" htmlFor={`role-${member.id}`}>
                            Role of {member.name}
                          </label>
                        ) : null}
                        {canManage && (canGrantOwner || member.role !== "OWNER") ? (
                          <select
                            id={`role-${member.id}`}
                            value={member.role}
                            onChange={(event) => updateRole(member, event.target.value as CustomerRole)}
                            className="rounded border border-slate-300 bg-white px-2 py-1 text-sm"
                          >
                            {roleOptions.map((option) => (
                              <option key={option.value} value={option.value}>
                                {option.label}
                              </option>
                            ))}
                          </select>
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
                      <td className="py-2 pr-4">{formatDate(member.lastSignInAt)}</td>
                      {canManage && (
                        <td className="py-2">
                          {member.disabledAt ? (
                            <Button variant="secondary" onClick={() => toggleDisabled(member, false)}>
                              Enable
                            </Button>
                          ) : (
                            <Button variant="secondary" onClick={() => setConfirming(member)}>
                              Disable
                            </Button>
                          )}
                        </td>
                      )}
                    </tr>
                  ))}
                </tbody>
              </table>
              <Pagination page={data.page} pageCount={data.pageCount} total={data.total} onPage={setPage} />
            </>
          )}
        </QueryState>
      </Card>
      {canManage && (
        <AddMember organizationId={organizationId} canGrantOwner={canGrantOwner} onAdded={refresh} />
      )}
      <ConfirmDialog
        open={confirming !== null}
        title={`Disable ${confirming?.name ?? ""}?`}
        confirmLabel="Disable"
        busy={staffUpdate.isPending || setDisabled.isPending}
        onCancel={() => setConfirming(null)}
        onConfirm={() => confirming && toggleDisabled(confirming, true)}
      >
        <p>They are signed out everywhere at once and cannot sign in until enabled again.</p>
      </ConfirmDialog>
    </div>
  );
};

const AddMember = ({
  organizationId,
  canGrantOwner,
  onAdded,
}: {
  organizationId?: string | undefined;
  canGrantOwner: boolean;
  onAdded: () => void;
}) => {
  const trpc = useTRPC();
  const empty = { name: "", email: "", password: "", role: "MEMBER" as CustomerRole };
  const [values, setValues] = useState(empty);
  const form = useSchemaForm(AddTeamMemberInput);
  const options = {
    onSuccess: () => {
      setValues(empty);
      onAdded();
    },
    onError: form.showServerErrors,
  };
  const staffCreate = useMutation(trpc.organizations.createUser.mutationOptions(options));
  const add = useMutation(trpc.team.add.mutationOptions(options));
  const pending = staffCreate.isPending || add.isPending;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const input = form.parse(values);
    if (!input) return;
    if (organizationId) staffCreate.mutate({ ...input, organizationId });
    else add.mutate(input);
  };
  return (
    <Card title="Add a member">
      <form onSubmit={submit} noValidate className="grid gap-4 md:grid-cols-4">
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
          hint="At least 10 characters"
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
          <ErrorAlert error={staffCreate.error ?? add.error} />
        </div>
        <div className="md:col-span-4 flex justify-end">
          <Button type="submit" busy={pending}>
            {pending ? "Adding…" : "Add member"}
          </Button>
        </div>
      </form>
    </Card>
  );
};
