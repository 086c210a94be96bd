import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { AppRouter } from "@tessera/api";
import { CreateOrganizationKeyInput, ORGANIZATION_KEY_SCOPES } from "@tessera/domain";
import type { inferRouterOutputs } from "@trpc/server";
import { type FormEvent, useId, useState } from "react";
import { Link } from "react-router";
import { Alert } from "../components/alert.tsx";
import { Badge } from "../components/badge.tsx";
import { Button } from "../components/button.tsx";
import { Card } from "../components/card.tsx";
import { ConfirmDialog } from "../components/confirm-dialog.tsx";
import { ErrorAlert } from "../components/error-alert.tsx";
import { Field } from "../components/field.tsx";
import { formatDate, formatDay } from "../components/format-date.ts";
import { KeyReveal } from "../components/key-reveal.tsx";
import { PageHeader } from "../components/page-header.tsx";
import { QueryState } from "../components/query-state.tsx";
import { useSchemaForm } from "../components/use-form.ts";
import { useTRPC } from "../trpc.ts";

type ApiKey = inferRouterOutputs<AppRouter>["apiKeys"]["mine"][number];
type Scope = (typeof ORGANIZATION_KEY_SCOPES)[number];

const SCOPE_HELP: Record<Scope, string> = {
  "usage:write": "report usage (POST /api/enterprise/usage/track)",
  "license:read": "read and validate your license",
  "tickets:write": "open support tickets",
};

const EMPTY = { name: "", scopes: [] as Scope[], expiresOn: "" };

/** The end of a day typed in a date input, in local time: the key works through that day. */
const endOfDay = (day: string) => (day ? new Date(`${day}T23:59:59.999`) : undefined);

const KeyStatus = ({ apiKey, now }: { apiKey: ApiKey; now: Date }) => {
  if (apiKey.revokedAt) return <Badge tone="red">Revoked</Badge>;
  if (apiKey.expiresAt && new Date(apiKey.expiresAt) <= now) return <Badge>Expired</Badge>;
  return <Badge tone="green">Active</Badge>;
};

const CreateKey = ({ onCreated }: { onCreated: (key: string) => void }) => {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const scopesId = useId();
  const [values, setValues] = useState(EMPTY);
  const form = useSchemaForm(CreateOrganizationKeyInput);
  const create = useMutation(
    trpc.apiKeys.createMine.mutationOptions({
      onSuccess: async ({ key }) => {
        setValues(EMPTY);
        onCreated(key);
        await Promise.all([
          queryClient.invalidateQueries({ queryKey: trpc.apiKeys.mine.queryKey() }),
          queryClient.invalidateQueries({ queryKey: trpc.audit.pathKey() }),
        ]);
      },
      onError: form.showServerErrors,
    }),
  );
  const submit = (event: FormEvent) => {
    event.preventDefault();
    create.reset();
    const expiresAt = endOfDay(values.expiresOn);
    const input = form.parse({
      name: values.name,
      scopes: values.scopes,
      ...(expiresAt ? { expiresAt } : {}),
    });
    if (input) create.mutate(input);
  };
  const toggle = (scope: Scope, on: boolean) =>
    setValues({
      ...values,
      scopes: on ? [...values.scopes, scope] : values.scopes.filter((item) => item !== scope),
    });
  const scopeError = form.errors.scopes;
  return (
    <form onSubmit={submit} noValidate aria-label="Create an API key" className="space-y-4">
      <div className="grid gap-4 md:grid-cols-2">
        <Field
          label="Name"
          name="keyName"
          value={values.name}
          onChange={(name) => setValues({ ...values, name })}
          error={form.errors.name}
          required
          placeholder="e.g. Learning platform (production)"
        />
        <Field
          label="Expires on (optional)"
          name="keyExpiresOn"
          type="date"
          value={values.expiresOn}
          onChange={(expiresOn) => setValues({ ...values, expiresOn })}
          error={form.errors.expiresAt}
          hint="The key stops working at the end of this day. Leave empty for a key that does not expire."
        />
      </div>
      <fieldset aria-describedby={scopeError?.length ? `${scopesId}-error` : undefined}>
        <legend className="text-sm font-medium text-slate-800 dark:text-slate-200">
          Scopes
          <span aria-hidden="true" className="text-red-700 dark:text-red-400">
            {" "}
            *
          </span>
        </legend>
        <div className="mt-2 space-y-2">
          {ORGANIZATION_KEY_SCOPES.map((scope) => (
            <label key={scope} className="flex items-start gap-2 text-sm">
              <input
                type="checkbox"
                name="keyScopes"
                value={scope}
                checked={values.scopes.includes(scope)}
                onChange={(event) => toggle(scope, event.target.checked)}
                className="mt-0.5 size-4"
              />
              <span>
                <span className="font-mono text-slate-900 dark:text-slate-100">{scope}</span>
                <span className="text-slate-600 dark:text-slate-300"> — {SCOPE_HELP[scope]}</span>
              </span>
            </label>
          ))}
        </div>
        {scopeError?.length ? (
          <p id={`${scopesId}-error`} className="mt-1 text-xs font-medium text-red-700 dark:text-red-400">
            {scopeError[0]}
          </p>
        ) : null}
      </fieldset>
      <ErrorAlert error={create.error} title="Key not created" />
      <div className="flex justify-end">
        <Button type="submit" busy={create.isPending}>
          {create.isPending ? "Creating…" : "Create key"}
        </Button>
      </div>
    </form>
  );
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
