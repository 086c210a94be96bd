import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { Alert } from "../components/alert.tsx";
import { type ApiKey, ApiKeysTable } from "../components/api-keys-table.tsx";
import { Card } from "../components/card.tsx";
import { KeyReveal } from "../components/key-reveal.tsx";
import { PageHeader } from "../components/page-header.tsx";
import { QueryState } from "../components/query-state.tsx";
import { RevokeKeyDialog } from "../components/revoke-key-dialog.tsx";
import { useTRPC } from "../trpc.ts";
import { CreateServiceKey } from "./create-service-key-form.tsx";

/** Staff service keys for internal systems (billing, BI): create (shown once), list, revoke. */
export const ServiceKeysPage = () => {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const keys = useQuery(trpc.serviceKeys.list.queryOptions());
  const [revealed, setRevealed] = useState<string | null>(null);
  const [revoking, setRevoking] = useState<ApiKey | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const revoke = useMutation(
    trpc.serviceKeys.revoke.mutationOptions({
      onSuccess: async (key) => {
        setRevoking(null);
        setNotice(`${key.name} is revoked: calls with it are refused from now on.`);
        await Promise.all([
          queryClient.invalidateQueries({ queryKey: trpc.serviceKeys.list.queryKey() }),
          queryClient.invalidateQueries({ queryKey: trpc.audit.pathKey() }),
        ]);
      },
    }),
  );
  const now = new Date();
  return (
    <>
      <PageHeader
        title="Service keys"
        description="Keys Tessera's own systems use to call the REST API across every organisation."
      />
      <div className="space-y-6">
        <Card title="Keys">
          <div aria-live="polite">{notice && <Alert tone="success">{notice}</Alert>}</div>
          <QueryState query={keys}>
            {(items) =>
              items.length === 0 ? (
                <p className="py-6 text-sm text-slate-600 dark:text-slate-300">No service keys yet.</p>
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
              <KeyReveal label="Your new service key" value={revealed} onDismiss={() => setRevealed(null)} />
            </div>
          )}
          <CreateServiceKey
            onCreated={(key) => {
              setNotice(null);
              setRevealed(key);
            }}
          />
        </Card>
      </div>
      <RevokeKeyDialog
        apiKey={revoking}
        advice="create a new key and update the system that uses it first."
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
