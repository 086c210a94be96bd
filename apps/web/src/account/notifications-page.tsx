import { Card, Switch } from "@tessera/ui";
import { ErrorAlert } from "../components/error-alert.tsx";
import { QueryState } from "../components/query-state.tsx";
import { trpc } from "../trpc.ts";

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
  const utils = trpc.useUtils();
  const preferences = trpc.notifications.get.useQuery();
  const set = trpc.notifications.set.useMutation({
    onSuccess: (saved) => utils.notifications.get.setData(undefined, saved),
  });
  return (
    <Card title="Email notifications">
      <p className="mb-4 text-sm text-fg-muted">
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
