import { Alert, Button } from "@tessera/ui";
import { CopyButton } from "./copy-button.tsx";

/** A secret shown once: with a copy button and a plain warning that it will not be shown again. */
export const KeyReveal = ({
  label,
  value,
  onDismiss,
}: {
  label: string;
  value: string;
  onDismiss: () => void;
}) => (
  <Alert tone="warning">
    <p className="font-medium">{label} — copy it now: it is shown only once.</p>
    <div className="mt-2 flex flex-wrap items-center gap-2">
      <code
        data-testid="revealed-key"
        className="break-all rounded bg-surface px-2 py-1 font-mono text-sm text-fg"
      >
        {value}
      </code>
      <CopyButton value={value} />
      <Button variant="secondary" onClick={onDismiss}>
        I have stored it
      </Button>
    </div>
  </Alert>
);
