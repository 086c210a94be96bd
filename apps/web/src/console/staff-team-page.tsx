import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { InviteStaffInput, STAFF_INVITE_ROLES } from "@tessera/domain";
import { type FormEvent, useState } from "react";
import { Alert } from "../components/alert.tsx";
import { Badge } from "../components/badge.tsx";
import { Button } from "../components/button.tsx";
import { Card } from "../components/card.tsx";
import { ErrorAlert } from "../components/error-alert.tsx";
import { Field } from "../components/field.tsx";
import { formatDate } from "../components/format-date.ts";
import { PageHeader } from "../components/page-header.tsx";
import { PendingInvitations } from "../components/pending-invitations.tsx";
import { QueryState } from "../components/query-state.tsx";
import { Select } from "../components/select.tsx";
import { useSchemaForm } from "../components/use-form.ts";
import { useTRPC } from "../trpc.ts";

type StaffRole = (typeof STAFF_INVITE_ROLES)[number];
const EMPTY = { email: "", name: "", role: "SUPPORT" as StaffRole };

/** A staff admin invites a colleague by mail; the colleague chooses their own password. */
const InviteStaff = ({ onInvited }: { onInvited: (email: string) => void }) => {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [values, setValues] = useState(EMPTY);
  const form = useSchemaForm(InviteStaffInput);
  const invite = useMutation(
    trpc.staffTeam.invite.mutationOptions({
      onSuccess: async (invitation) => {
        setValues(EMPTY);
        await queryClient.invalidateQueries({ queryKey: trpc.staffTeam.invitations.pathKey() });
        onInvited(invitation.email);
      },
      onError: form.showServerErrors,
    }),
  );
  const submit = (event: FormEvent) => {
    event.preventDefault();
    invite.reset();
    const input = form.parse({ ...values, name: values.name.trim() || undefined });
    if (input) invite.mutate(input);
  };
  return (
    <Card title="Invite a colleague">
      <form
        onSubmit={submit}
        noValidate
        aria-label="Invite a colleague"
        className="grid gap-4 md:grid-cols-3"
      >
        <Field
          label="Email"
          name="staffEmail"
          type="email"
          autoComplete="off"
          value={values.email}
          onChange={(email) => setValues({ ...values, email })}
          error={form.errors.email}
          required
        />
        <Field
          label="Name (optional)"
          name="staffName"
          value={values.name}
          onChange={(name) => setValues({ ...values, name })}
          error={form.errors.name}
        />
        <Select
          label="Role"
          name="staffRole"
          value={values.role}
          onChange={(role) => setValues({ ...values, role: role as StaffRole })}
          options={STAFF_INVITE_ROLES.map((role) => ({ value: role, label: role }))}
          error={form.errors.role}
        />
        <div className="md:col-span-3">
          <ErrorAlert error={invite.error} title="Not invited" />
        </div>
        <div className="flex justify-end md:col-span-3">
          <Button type="submit" busy={invite.isPending}>
            {invite.isPending ? "Sending…" : "Invite"}
          </Button>
        </div>
      </form>
    </Card>
  );
};

/** Tessera's staff users and the invitations still open. */
export const StaffTeamPage = () => {
  const trpc = useTRPC();
  const list = useQuery(trpc.staffTeam.list.queryOptions());
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
              <div className="overflow-x-auto">
                <table className="w-full text-left text-sm">
                  <thead>
                    <tr className="text-slate-600 dark:text-slate-300">
                      <th className="py-2 pr-4 font-medium">Name</th>
                      <th className="py-2 pr-4 font-medium">Email</th>
                      <th className="py-2 pr-4 font-medium">Role</th>
                      <th className="py-2 pr-4 font-medium">Last sign-in</th>
                    </tr>
                  </thead>
                  <tbody className="divide-y divide-slate-100 dark:divide-slate-800">
                    {people.map((person) => (
                      <tr key={person.id}>
                        <td className="py-2 pr-4">{person.name}</td>
                        <td className="py-2 pr-4">{person.email}</td>
                        <td className="py-2 pr-4">
                          {person.role} {person.disabledAt && <Badge tone="red">Disabled</Badge>}
                        </td>
                        <td className="py-2 pr-4">{formatDate(person.lastSignInAt)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
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
