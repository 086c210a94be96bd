import { Alert, Card } from "@tessera/ui";
import { type ReactNode, useState } from "react";
import { type ApiKey, ApiKeysTable } from "./api-keys-table.tsx";
import { TableEmpty } from "./data-table/table-empty.tsx";
import { KeyReveal } from "./key-reveal.tsx";
import type { RetryableQuery } from "./load-error.tsx";
import { QueryState } from "./query-state.tsx";
import { RevokeKeyDialog } from "./revoke-key-dialog.tsx";

/** The revoke mutation of either kind of key; the page refreshes its lists when it succeeds. */
interface RevokeMutation {
  isPending: boolean;
  error: unknown;
  reset(): void;
  mutate(variables: { apiKeyId: string }, options: { onSuccess: (key: { name: string }) => void }): void;
}

interface KeysWorkspaceProps {
  keys: RetryableQuery & { isPending: boolean; data: ApiKey[] | undefined };
  revoke: RevokeMutation;
  /** "service key" or "API key": in the empty list and the reveal. */
  noun: string;
  /** What to do before revoking, e.g. "update the platform first". */
  revokeAdvice: string;
  /** The create form, told of each new key so it is shown once. */
  createForm: (onCreated: (key: string) => void) => ReactNode;
}

/**
 * Keys as the console (service keys) and the portal (organisation keys) both manage them: the
 * list with revoke (confirmed first), a create form, and a new key revealed once.
 */
export const KeysWorkspace = ({ keys, revoke, noun, revokeAdvice, createForm }: KeysWorkspaceProps) => {
  const [revealed, setRevealed] = useState<string | null>(null);
  const [revoking, setRevoking] = useState<ApiKey | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const now = new Date();
  const confirmRevoke = (apiKey: ApiKey) =>
    revoke.mutate(
      { apiKeyId: apiKey.id },
      {
        onSuccess: (key) => {
          setRevoking(null);
          setNotice(`${key.name} is revoked: calls with it are refused from now on.`);
        },
      },
    );
  return (
    <>
      <Card title="Keys">
        <div aria-live="polite">{notice && <Alert tone="success">{notice}</Alert>}</div>
        <QueryState query={keys}>
          {(items) =>
            items.length === 0 ? (
              <TableEmpty filtered={false} empty={`No ${noun}s yet.`} noMatch="" />
            ) : (
              <ApiKeysTable
                items={items}
                now={now}
                onRevoke={(apiKey) => {
                  revoke.reset();
                  setNotice(null);
                  setRevoking(apiKey);
                }}
              />
            )
          }
        </QueryState>
      </Card>
      <Card title="Create a key">
        {revealed && (
          <div className="mb-4">
            <KeyReveal label={`Your new ${noun}`} value={revealed} onDismiss={() => setRevealed(null)} />
          </div>
        )}
        {createForm((key) => {
          setNotice(null);
          setRevealed(key);
        })}
      </Card>
      <RevokeKeyDialog
        apiKey={revoking}
        advice={revokeAdvice}
        busy={revoke.isPending}
        error={revoke.error}
        onCancel={() => {
          setRevoking(null);
          revoke.reset();
        }}
        onConfirm={() => revoking && confirmRevoke(revoking)}
      />
    </>
  );
};
