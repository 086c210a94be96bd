import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { InviteStaffInput, STAFF_INVITE_ROLES } from "@tessera/domain";
import { type FormEvent, useState } from "react";
import { Alert } from "../components/alert.tsx";
import { Badge } from "../components/badge.tsx";
import { Card } from "../components/card.tsx";
import { formatDate } from "../components/format-date.ts";
import { InviteForm } from "../components/invite-form.tsx";
import { PageHeader } from "../components/page-header.tsx";
import { PendingInvitations } from "../components/pending-invitations.tsx";
import { QueryState } from "../components/query-state.tsx";
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
    <InviteForm
      title="Invite a colleague"
      name="staff"
      values={values}
      onChange={setValues}
      roles={STAFF_INVITE_ROLES.map((role) => ({ value: role, label: role }))}
      errors={form.errors}
      error={invite.error}
      busy={invite.isPending}
      onSubmit={submit}
    />
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
