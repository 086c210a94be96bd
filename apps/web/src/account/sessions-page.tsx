import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { Badge } from "../components/badge.tsx";
import { Button } from "../components/button.tsx";
import { Card } from "../components/card.tsx";
import { ConfirmDialog } from "../components/confirm-dialog.tsx";
import { ErrorAlert } from "../components/error-alert.tsx";
import { formatDate } from "../components/format-date.ts";
import { QueryState } from "../components/query-state.tsx";
import { useTRPC } from "../trpc.ts";

const HEAD = "py-2 pr-4 font-medium";

/** Where the user is signed in, with a way to end any other session or all of them. */
export const SessionsPage = () => {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const sessions = useQuery(trpc.auth.sessions.list.queryOptions());
  const [confirmAll, setConfirmAll] = useState(false);
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.auth.sessions.list.queryKey() });
  const revoke = useMutation(trpc.auth.sessions.revoke.mutationOptions({ onSuccess: refresh }));
  const revokeOthers = useMutation(
    trpc.auth.sessions.revokeOthers.mutationOptions({
      onSuccess: async () => {
        setConfirmAll(false);
        await refresh();
      },
    }),
  );
  const others = sessions.data?.filter((session) => !session.current).length ?? 0;
  return (
    <Card
      title="Where you are signed in"
      actions={
        <Button variant="secondary" disabled={others === 0} onClick={() => setConfirmAll(true)}>
          Sign out all other sessions
        </Button>
      }
    >
      {revoke.error ? <ErrorAlert error={revoke.error} title="Could not sign that session out" /> : null}
      <QueryState query={sessions}>
        {(rows) => (
          <div className="overflow-x-auto">
            <table className="w-full text-left text-sm">
              <caption className="sr-only">Your sessions</caption>
              <thead className="border-b border-slate-200 dark:border-slate-700 text-xs uppercase tracking-wide text-slate-500 dark:text-slate-400">
                <tr>
                  <th scope="col" className={HEAD}>
                    Device
                  </th>
                  <th scope="col" className={HEAD}>
                    IP address
                  </th>
                  <th scope="col" className={HEAD}>
                    Signed in
                  </th>
                  <th scope="col" className={HEAD}>
                    Last active
                  </th>
                  <th scope="col" className="py-2 font-medium">
                    <span className="sr-only">Actions</span>
                  </th>
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100 dark:divide-slate-800">
                {rows.map((session) => (
                  <tr
                    key={session.id}
                    aria-busy={(revoke.isPending && revoke.variables?.sessionId === session.id) || undefined}
                  >
                    <td className="py-2 pr-4 font-medium text-slate-900 dark:text-slate-100">
                      {session.device}
                      {session.method === "sso" && (
                        <span className="ml-2 text-xs text-slate-500 dark:text-slate-400">(SSO)</span>
                      )}
                      {session.current && (
                        <span className="ml-2">
                          <Badge tone="green">This session</Badge>
                        </span>
                      )}
                    </td>
                    <td className="py-2 pr-4 text-slate-700 dark:text-slate-300">{session.ip ?? "—"}</td>
                    <td className="whitespace-nowrap py-2 pr-4 text-slate-700 dark:text-slate-300">
                      {formatDate(session.createdAt)}
                    </td>
                    <td className="whitespace-nowrap py-2 pr-4 text-slate-700 dark:text-slate-300">
                      {formatDate(session.lastSeenAt)}
                    </td>
                    <td className="py-2 text-right">
                      {!session.current && (
                        <Button
                          variant="secondary"
                          disabled={revoke.isPending}
                          aria-label={`Sign out ${session.device} (${session.ip ?? "unknown address"})`}
                          onClick={() => revoke.mutate({ sessionId: session.id })}
                        >
                          Sign out
                        </Button>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </QueryState>
      <ConfirmDialog
        open={confirmAll}
        title="Sign out all other sessions?"
        confirmLabel="Sign them out"
        cancelLabel="Keep them signed in"
        busy={revokeOthers.isPending}
        busyLabel="Signing out…"
        onConfirm={() => revokeOthers.mutate()}
        onCancel={() => setConfirmAll(false)}
      >
        <p>Every browser and device but this one will have to sign in again.</p>
        {revokeOthers.error ? (
          <ErrorAlert error={revokeOthers.error} title="Could not sign them out" />
        ) : null}
      </ConfirmDialog>
    </Card>
  );
};
