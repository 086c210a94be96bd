import { formatDate } from "./format-date.ts";
import { KeyReveal } from "./key-reveal.tsx";

/** The new key after a rotation, shown once, with when the old key stops working. */
export const RotatedKeyReveal = ({
  label,
  rotated,
  onDismiss,
}: {
  label: string;
  rotated: { key: string; previousKeyExpiresAt: Date | null };
  onDismiss: () => void;
}) => (
  <div className="space-y-2">
    <KeyReveal label={label} value={rotated.key} onDismiss={onDismiss} />
    <p data-testid="old-key-expiry" className="text-sm text-slate-700 dark:text-slate-300">
      {rotated.previousKeyExpiresAt
        ? `The old key stops working at ${formatDate(rotated.previousKeyExpiresAt)}.`
        : "The old key stopped working now."}
    </p>
  </div>
);
