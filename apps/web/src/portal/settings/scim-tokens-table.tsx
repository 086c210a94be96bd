import type { AppRouter } from "@tessera/api";
import type { inferRouterOutputs } from "@trpc/server";
import { Badge } from "../../components/badge.tsx";
import { Button } from "../../components/button.tsx";
import { formatDate, formatDay } from "../../components/format-date.ts";

export type ScimToken = inferRouterOutputs<AppRouter>["scimTokens"]["list"][number];

const HEADINGS = ["Name", "Prefix", "Created", "Last used", "Status", ""];

/** SCIM tokens: when each was made and last used, and whether it still works. */
export const ScimTokensTable = ({
  items,
  onRevoke,
}: {
  items: ScimToken[];
  onRevoke: (token: ScimToken) => void;
}) => (
  <table className="w-full text-left text-sm">
    <caption className="sr-only">SCIM tokens</caption>
    <thead className="border-b border-slate-200 dark:border-slate-700 text-xs uppercase tracking-wide text-slate-500 dark:text-slate-400">
      <tr>
        {HEADINGS.map((heading) => (
          <th key={heading} scope="col" className="py-2 pr-4 font-medium">
            {heading || <span className="sr-only">Actions</span>}
          </th>
        ))}
      </tr>
    </thead>
    <tbody className="divide-y divide-slate-100 dark:divide-slate-800">
      {items.map((token) => (
        <tr key={token.id}>
          <td className="py-2 pr-4 font-medium text-slate-900 dark:text-slate-100">{token.name}</td>
          <td className="whitespace-nowrap py-2 pr-4 font-mono text-xs text-slate-700 dark:text-slate-300">
            {token.prefix}…
          </td>
          <td className="whitespace-nowrap py-2 pr-4 text-slate-700 dark:text-slate-300">
            {formatDay(token.createdAt)}
          </td>
          <td className="whitespace-nowrap py-2 pr-4 text-slate-700 dark:text-slate-300">
            {token.lastUsedAt ? formatDate(token.lastUsedAt) : "Never"}
          </td>
          <td className="py-2 pr-4">
            {token.revokedAt ? <Badge tone="red">Revoked</Badge> : <Badge tone="green">Active</Badge>}
          </td>
          <td className="py-2 text-right">
            {!token.revokedAt && (
              <Button variant="secondary" onClick={() => onRevoke(token)} aria-label={`Revoke ${token.name}`}>
                Revoke
              </Button>
            )}
          </td>
        </tr>
      ))}
    </tbody>
  </table>
);
