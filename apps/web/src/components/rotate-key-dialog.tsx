import {
  DEFAULT_OLD_KEY_EXPIRY,
  OLD_KEY_EXPIRIES,
  type OldKeyExpiry,
  previousKeyExpiry,
} from "@tessera/domain";
import { ConfirmDialog } from "@tessera/ui";
import { type ReactNode, useEffect, useState } from "react";
import type { DateFormatter } from "./dates/date-format.ts";
import { useDateFormat } from "./dates/use-date-format.ts";

/** When the old key stops if confirmed at `now`, by the domain's rule (the API stores the same). */
const oldKeyConsequence = (choice: OldKeyExpiry, now: Date, dates: DateFormatter) => {
  const until = previousKeyExpiry(choice, now);
  return until
    ? `The old key stops working at ${dates.instant(until)}.`
    : "The old key stops working as soon as you confirm.";
};

const OLD_KEY_LABELS: Record<OldKeyExpiry, string> = {
  now: "Immediately",
  "1h": "In 1 hour",
  "24h": "In 24 hours",
  "7d": "In 7 days",
};

/**
 * Confirms a license key rotation and asks when the old key stops working, so the platform can
 * switch keys without an outage (24 hours unless chosen otherwise).
 */
export const RotateKeyDialog = ({
  open,
  busy,
  onCancel,
  onConfirm,
  children,
}: {
  open: boolean;
  busy: boolean;
  onCancel: () => void;
  onConfirm: (oldKeyExpiresIn: OldKeyExpiry) => void;
  children?: ReactNode;
}) => {
  const dates = useDateFormat();
  const [choice, setChoice] = useState<OldKeyExpiry>(DEFAULT_OLD_KEY_EXPIRY);
  useEffect(() => {
    if (open) setChoice(DEFAULT_OLD_KEY_EXPIRY);
  }, [open]);
  return (
    <ConfirmDialog
      open={open}
      title="Rotate the license key?"
      confirmLabel="Rotate key"
      cancelLabel="Keep current key"
      busy={busy}
      busyLabel="Rotating…"
      onCancel={onCancel}
      onConfirm={() => onConfirm(choice)}
    >
      <p>
        A new key is issued and shown once. Until the old key stops working, both keys validate: update the
        platform's configuration with the new key before then.
      </p>
      <fieldset>
        <legend className="font-medium text-fg">The old key stops working</legend>
        <div className="mt-2 grid grid-cols-2 gap-2">
          {OLD_KEY_EXPIRIES.map((option) => (
            <label key={option} className="flex items-center gap-2">
              <input
                type="radio"
                name="oldKeyExpiresIn"
                value={option}
                checked={choice === option}
                onChange={() => setChoice(option)}
                className="size-4"
              />
              {OLD_KEY_LABELS[option]}
            </label>
          ))}
        </div>
      </fieldset>
      <p data-testid="old-key-consequence" aria-live="polite" className="font-medium">
        {oldKeyConsequence(choice, new Date(), dates)}
      </p>
      {children}
    </ConfirmDialog>
  );
};
