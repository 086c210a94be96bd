import { useDateFormat } from "./dates/use-date-format.ts";
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
}) => {
  const dates = useDateFormat();
  return (
    <div className="space-y-2">
      <KeyReveal label={label} value={rotated.key} onDismiss={onDismiss} />
      <p data-testid="old-key-expiry" className="text-sm text-fg-muted">
        {rotated.previousKeyExpiresAt
          ? `The old key stops working at ${dates.instant(rotated.previousKeyExpiresAt)}.`
          : "The old key stopped working now."}
      </p>
    </div>
  );
};
