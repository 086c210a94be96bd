import { Button, Card, ConfirmDialog } from "@tessera/ui";
import { useState } from "react";
import { ErrorAlert } from "../components/error-alert.tsx";
import { QueryState } from "../components/query-state.tsx";
import { trpc } from "../trpc.ts";
import { SessionsTable } from "./sessions-table.tsx";

/** Where the user is signed in, with a way to end any other session or all of them. */
export const SessionsPage = () => {
  const utils = trpc.useUtils();
  const sessions = trpc.auth.sessions.list.useQuery();
  const [confirmAll, setConfirmAll] = useState(false);
  const refresh = () => utils.auth.sessions.list.invalidate();
  const revoke = trpc.auth.sessions.revoke.useMutation({ onSuccess: refresh });
  const revokeOthers = trpc.auth.sessions.revokeOthers.useMutation({
    onSuccess: async () => {
      setConfirmAll(false);
      await refresh();
    },
  });
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
          <SessionsTable
            sessions={rows}
            ending={revoke.isPending ? (revoke.variables?.sessionId ?? null) : null}
            onSignOut={(session) => revoke.mutate({ sessionId: session.id })}
          />
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
