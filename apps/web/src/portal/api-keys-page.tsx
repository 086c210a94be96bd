import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { Link } from "react-router";
import { Alert } from "../components/alert.tsx";
import { type ApiKey, ApiKeysTable } from "../components/api-keys-table.tsx";
import { Card } from "../components/card.tsx";
import { KeyReveal } from "../components/key-reveal.tsx";
import { PageHeader } from "../components/page-header.tsx";
import { QueryState } from "../components/query-state.tsx";
import { RevokeKeyDialog } from "../components/revoke-key-dialog.tsx";
import { useTRPC } from "../trpc.ts";
import { CreateKey } from "./create-api-key-form.tsx";

/** Keys are refused while the organisation's API access is off: say so where keys are made. */
const ApiAccessNotice = () => {
  const trpc = useTRPC();
  const access = useQuery(trpc.whiteLabel.apiAccess.queryOptions());
  if (!access.data || access.data.active) return null;
  return (
    <Alert tone="warning" title="API access is off">
      Calls made with these keys are refused until API access is switched on under{" "}
      <Link to="/portal/settings/api-access" className="font-medium underline">
        Settings → API access
      </Link>
      .
    </Alert>
  );
};

/** The organisation's API keys for the learning platform: create (shown once), list, revoke. */
export const PortalApiKeysPage = () => {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const keys = useQuery(trpc.apiKeys.mine.queryOptions());
  const [revealed, setRevealed] = useState<string | null>(null);
  const [revoking, setRevoking] = useState<ApiKey | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const revoke = useMutation(
    trpc.apiKeys.revokeMine.mutationOptions({
      onSuccess: async (key) => {
        setRevoking(null);
        setNotice(`${key.name} is revoked: calls with it are refused from now on.`);
        await Promise.all([
          queryClient.invalidateQueries({ queryKey: trpc.apiKeys.mine.queryKey() }),
          queryClient.invalidateQueries({ queryKey: trpc.audit.pathKey() }),
        ]);
      },
    }),
  );
  const now = new Date();
  return (
    <>
      <PageHeader
        title="API keys"
        description="Keys your learning platform uses to call Tessera: report usage, read the license, open tickets."
      />
      <div className="space-y-6">
        <ApiAccessNotice />
        <Card title="Keys">
          <div aria-live="polite">{notice && <Alert tone="success">{notice}</Alert>}</div>
          <QueryState query={keys}>
            {(items) =>
              items.length === 0 ? (
                <p className="py-6 text-sm text-slate-600 dark:text-slate-300">No API keys yet.</p>
              ) : (
                <div className="mt-2 overflow-x-auto">
                  <ApiKeysTable
                    items={items}
                    now={now}
                    onRevoke={(apiKey) => {
                      revoke.reset();
                      setNotice(null);
                      setRevoking(apiKey);
                    }}
                  />
                </div>
              )
            }
          </QueryState>
        </Card>
        <Card title="Create a key">
          {revealed && (
            <div className="mb-4">
              <KeyReveal label="Your new API key" value={revealed} onDismiss={() => setRevealed(null)} />
            </div>
          )}
          <CreateKey
            onCreated={(key) => {
              setNotice(null);
              setRevealed(key);
            }}
          />
        </Card>
      </div>
      <RevokeKeyDialog
        apiKey={revoking}
        advice="create a new key and update the platform first."
        busy={revoke.isPending}
        error={revoke.error}
        onCancel={() => {
          setRevoking(null);
          revoke.reset();
        }}
        onConfirm={() => revoking && revoke.mutate({ apiKeyId: revoking.id })}
      />
    </>
  );
};
