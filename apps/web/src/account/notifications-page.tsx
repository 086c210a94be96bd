import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Card } from "../components/card.tsx";
import { ErrorAlert } from "../components/error-alert.tsx";
import { QueryState } from "../components/query-state.tsx";
import { Switch } from "../components/switch.tsx";
import { useTRPC } from "../trpc.ts";

const CATEGORIES: Record<string, { label: string; hint: string }> = {
  SECURITY: {
    label: "Security emails",
    hint: "Sign-in, password and account security. These always go out and cannot be switched off.",
  },
  TEAM: { label: "Team emails", hint: "Changes to your own account: your role, or your account disabled." },
  LICENSE: { label: "License emails", hint: "Expiry reminders and changes to the license's status." },
  USAGE: { label: "Usage emails", hint: "Alerts when usage reaches 80 % and 100 % of a limit." },
  SUPPORT: {
    label: "Support emails",
    hint: "Replies to your tickets; for staff, tickets assigned to you, CRITICAL tickets and SLA warnings.",
  },
};

/** The signed-in person's email choices, one switch per category (staff and customers alike). */
export const NotificationsPage = () => {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const preferences = useQuery(trpc.notifications.get.queryOptions());
  const set = useMutation(
    trpc.notifications.set.mutationOptions({
      onSuccess: (saved) => queryClient.setQueryData(trpc.notifications.get.queryKey(), saved),
    }),
  );
  return (
    <Card title="Email notifications">
      <p className="mb-4 text-sm text-slate-600 dark:text-slate-300">
        Choose which emails you get. Each email also has a link to stop its kind.
      </p>
      <QueryState query={preferences}>
        {(rows) => (
          <ul className="space-y-4">
            {rows.map((row) => (
              <li key={row.category}>
                <Switch
                  label={CATEGORIES[row.category]?.label ?? row.category}
                  hint={CATEGORIES[row.category]?.hint}
                  checked={row.email}
                  disabled={row.locked}
                  busy={set.isPending && set.variables?.category === row.category}
                  onChange={(email) => {
                    if (row.category !== "SECURITY") set.mutate({ category: row.category, email });
                  }}
                />
              </li>
            ))}
          </ul>
        )}
      </QueryState>
      <div aria-live="polite" className="mt-4">
        {set.error ? <ErrorAlert error={set.error} title="Not changed" /> : null}
      </div>
    </Card>
  );
};
