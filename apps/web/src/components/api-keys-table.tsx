import type { AppRouter } from "@tessera/api";
import type { inferRouterOutputs } from "@trpc/server";
import { Badge } from "./badge.tsx";
import { Button } from "./button.tsx";
import { formatDate, formatDay } from "./format-date.ts";

export type ApiKey = inferRouterOutputs<AppRouter>["apiKeys"]["mine"][number];

const KeyStatus = ({ apiKey, now }: { apiKey: ApiKey; now: Date }) => {
  if (apiKey.revokedAt) return <Badge tone="red">Revoked</Badge>;
  if (apiKey.expiresAt && new Date(apiKey.expiresAt) <= now) return <Badge>Expired</Badge>;
  return <Badge tone="green">Active</Badge>;
};

const KeyRow = ({
  apiKey,
  now,
  onRevoke,
}: {
  apiKey: ApiKey;
  now: Date;
  onRevoke: (apiKey: ApiKey) => void;
}) => (
  <tr>
    <td className="py-2 pr-4 font-medium text-slate-900 dark:text-slate-100">{apiKey.name}</td>
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
        <Button variant="secondary" onClick={() => onRevoke(apiKey)} aria-label={`Revoke ${apiKey.name}`}>
          Revoke
        </Button>
      )}
    </td>
  </tr>
);

/** API keys: what each may do, when it was last used, and whether it still works. */
export const ApiKeysTable = ({
  items,
  now,
  onRevoke,
}: {
  items: ApiKey[];
  now: Date;
  onRevoke: (apiKey: ApiKey) => void;
}) => (
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
        <KeyRow key={apiKey.id} apiKey={apiKey} now={now} onRevoke={onRevoke} />
      ))}
    </tbody>
  </table>
);
