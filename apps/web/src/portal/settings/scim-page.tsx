import { Alert, Card, ConfirmDialog } from "@tessera/ui";
import { useState } from "react";
import { CopyButton } from "../../components/copy-button.tsx";
import { TableEmpty } from "../../components/data-table/table-empty.tsx";
import { ErrorAlert } from "../../components/error-alert.tsx";
import { KeyReveal } from "../../components/key-reveal.tsx";
import { QueryState } from "../../components/query-state.tsx";
import { trpc } from "../../trpc.ts";
import { CreateScimToken } from "./scim-token-form.tsx";
import { type ScimToken, ScimTokensTable } from "./scim-tokens-table.tsx";
import { GateNotice } from "./tier-gate.tsx";
import { useWhiteLabelConfig } from "./white-label-data.ts";

const BaseUrl = () => {
  const url = `${window.location.origin}/scim/v2`;
  return (
    <Card title="Directory connection">
      <p className="text-sm text-fg-muted">
        Give your directory (Okta, Microsoft Entra ID) this SCIM base URL and a token below. It then creates,
        updates and deactivates your people here; its groups Owners, Admins and Members set their roles.
      </p>
      <div className="mt-3 flex flex-wrap items-center gap-2">
        <code
          data-testid="scim-base-url"
          className="break-all rounded bg-surface-muted px-2 py-1 font-mono text-sm"
        >
          {url}
        </code>
        <CopyButton value={url} label="SCIM base URL" />
      </div>
    </Card>
  );
};

/** SCIM provisioning: the base URL, the organisation's tokens (shown once when made) and revoking them. */
export const ScimSettingsPage = () => {
  const utils = trpc.useUtils();
  const config = useWhiteLabelConfig();
  const tokens = trpc.scimTokens.list.useQuery();
  const [revealed, setRevealed] = useState<string | null>(null);
  const [revoking, setRevoking] = useState<ScimToken | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const revoke = trpc.scimTokens.revoke.useMutation({
    onSuccess: async (token) => {
      setRevoking(null);
      setNotice(`${token.name} is revoked: your directory's requests with it are refused from now on.`);
      await Promise.all([utils.scimTokens.list.invalidate(), utils.audit.invalidate()]);
    },
  });
  const allowed = config.data?.gates.SSO.allowed ?? false;
  return (
    <>
      {config.data && <GateNotice gate={config.data.gates.SSO} what="SCIM provisioning" />}
      <BaseUrl />
      <Card title="SCIM tokens">
        <div aria-live="polite">{notice && <Alert tone="success">{notice}</Alert>}</div>
        <QueryState query={tokens}>
          {(items) =>
            items.length === 0 ? (
              <TableEmpty filtered={false} empty="No SCIM tokens yet." noMatch="" />
            ) : (
              <ScimTokensTable
                items={items}
                onRevoke={(token) => {
                  revoke.reset();
                  setNotice(null);
                  setRevoking(token);
                }}
              />
            )
          }
        </QueryState>
      </Card>
      <Card title="Create a token">
        {revealed && (
          <div className="mb-4">
            <KeyReveal label="Your new SCIM token" value={revealed} onDismiss={() => setRevealed(null)} />
          </div>
        )}
        <CreateScimToken
          disabled={!allowed}
          onCreated={(token) => {
            setNotice(null);
            setRevealed(token);
          }}
        />
      </Card>
      <ConfirmDialog
        open={revoking !== null}
        title={`Revoke ${revoking?.name ?? "token"}?`}
        confirmLabel="Revoke token"
        cancelLabel="Keep token"
        busy={revoke.isPending}
        busyLabel="Revoking…"
        onCancel={() => {
          setRevoking(null);
          revoke.reset();
        }}
        onConfirm={() => revoking && revoke.mutate({ scimTokenId: revoking.id })}
      >
        <p>
          Your directory stops provisioning until it has a new token: create one and update the directory
          first.
        </p>
        <ErrorAlert error={revoke.error} title="Token not revoked" />
      </ConfirmDialog>
    </>
  );
};
