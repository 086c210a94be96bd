import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { AppRouter } from "@tessera/api";
import type { inferRouterOutputs } from "@trpc/server";
import { useState } from "react";
import { Link } from "react-router";
import { Alert } from "../components/alert.tsx";
import { Badge } from "../components/badge.tsx";
import { Button } from "../components/button.tsx";
import { Card } from "../components/card.tsx";
import { ConfirmDialog } from "../components/confirm-dialog.tsx";
import { ErrorAlert } from "../components/error-alert.tsx";
import { formatDate, formatDay } from "../components/format-date.ts";
import { KeyReveal } from "../components/key-reveal.tsx";
import { PageHeader } from "../components/page-header.tsx";
import { QueryState } from "../components/query-state.tsx";
import { useTRPC } from "../trpc.ts";
import { CreateKey } from "./create-api-key-form.tsx";

type ApiKey = inferRouterOutputs<AppRouter>["apiKeys"]["mine"][number];

const KeyStatus = ({ apiKey, now }: { apiKey: ApiKey; now: Date }) => {
  if (apiKey.revokedAt) return <Badge tone="red">Revoked</Badge>;
  if (apiKey.expiresAt && new Date(apiKey.expiresAt) <= now) return <Badge>Expired</Badge>;
  return <Badge tone="green">Active</Badge>;
};

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
                  <table className="w-full text-left text-sm">
                    <caption className="sr-only">API keys</caption>
                    <thead className="border-b border-slate-200 dark:border-slate-700 text-xs uppercase tracking-wide text-slate-500 dark:text-slate-400">
                      <tr>
                        <th scope="col" className="py-2 pr-4 font-medium">
                          Name
                        </th>
                        <th scope="col" className="py-2 pr-4 font-medium">
                          Prefix
                        </th>
                        <th scope="col" className="py-2 pr-4 font-medium">
                          Scopes
                        </th>
                        <th scope="col" className="py-2 pr-4 font-medium">
                          Created
                        </th>
                        <th scope="col" className="py-2 pr-4 font-medium">
                          Last used
                        </th>
                        <th scope="col" className="py-2 pr-4 font-medium">
                          Expires
                        </th>
                        <th scope="col" className="py-2 pr-4 font-medium">
                          Status
                        </th>
                        <th scope="col" className="py-2 font-medium">
                          <span className="sr-only">Actions</span>
                        </th>
                      </tr>
                    </thead>
                    <tbody className="divide-y divide-slate-100 dark:divide-slate-800">
                      {items.map((apiKey) => (
                        <tr key={apiKey.id}>
                          <td className="py-2 pr-4 font-medium text-slate-900 dark:text-slate-100">
                            {apiKey.name}
                          </td>
                          <td className="whitespace-nowrap py-2 pr-4 font-mono text-xs text-slate-700 dark:text-slate-300">
                            {apiKey.prefix}…
                          </td>
                          <td className="py-2 pr-4">
                            <div className="flex flex-wrap gap-1">
                              {apiKey.scopes.map((scope) => (
                                <Badge key={scope} tone="blue">
                                  {scope}
                                </Badge>
                              ))}
                            </div>
                          </td>
                          <td className="whitespace-nowrap py-2 pr-4 text-slate-700 dark:text-slate-300">
                            {formatDay(apiKey.createdAt)}
                          </td>
                          <td className="whitespace-nowrap py-2 pr-4 text-slate-700 dark:text-slate-300">
                            {apiKey.lastUsedAt ? formatDate(apiKey.lastUsedAt) : "Never"}
                          </td>
                          <td className="whitespace-nowrap py-2 pr-4 text-slate-700 dark:text-slate-300">
                            {apiKey.expiresAt ? formatDate(apiKey.expiresAt) : "Never"}
                          </td>
                          <td className="py-2 pr-4">
                            <KeyStatus apiKey={apiKey} now={now} />
                          </td>
                          <td className="py-2 text-right">
                            {!apiKey.revokedAt && (
                              <Button
                                variant="secondary"
                                onClick={() => {
                                  revoke.reset();
                                  setNotice(null);
                                  setRevoking(apiKey);
                                }}
                                aria-label={`Revoke ${apiKey.name}`}
                              >
                                Revoke
                              </Button>
                            )}
                          </td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
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
      <ConfirmDialog
        open={revoking !== null}
        title={`Revoke ${revoking?.name ?? ""}?`}
        confirmLabel="Revoke key"
        busy={revoke.isPending}
        busyLabel="Revoking…"
        onCancel={() => {
          setRevoking(null);
          revoke.reset();
        }}
        onConfirm={() => revoking && revoke.mutate({ apiKeyId: revoking.id })}
      >
        <p>
          Calls with the key starting <span className="font-mono">{revoking?.prefix}</span> are refused at
          once. This cannot be undone: create a new key and update the platform first.
        </p>
        <ErrorAlert error={revoke.error} title="Key not revoked" />
      </ConfirmDialog>
    </>
  );
};
