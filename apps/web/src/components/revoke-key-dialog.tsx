import { ConfirmDialog } from "@tessera/ui";
import type { ApiKey } from "./api-keys-table.tsx";
import { ErrorAlert } from "./error-alert.tsx";

/** Revoking is final and immediate, so it asks first; `advice` says what to do before. */
export const RevokeKeyDialog = ({
  apiKey,
  advice,
  busy,
  error,
  onCancel,
  onConfirm,
}: {
  apiKey: ApiKey | null;
  advice: string;
  busy: boolean;
  error: unknown;
  onCancel: () => void;
  onConfirm: () => void;
}) => (
  <ConfirmDialog
    open={apiKey !== null}
    title={`Revoke ${apiKey?.name ?? ""}?`}
    confirmLabel="Revoke key"
    cancelLabel="Keep key"
    busy={busy}
    busyLabel="Revoking…"
    onCancel={onCancel}
    onConfirm={onConfirm}
  >
    <p>
      Calls with the key starting <span className="font-mono">{apiKey?.prefix}</span> are refused at once.
      This cannot be undone: {advice}
    </p>
    <ErrorAlert error={error} title="Key not revoked" />
  </ConfirmDialog>
);
