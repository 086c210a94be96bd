import { Button, toast } from "@tessera/ui";
import { useState } from "react";

/**
 * Copies a value to the clipboard; a toast says it did. When the browser refuses, the button
 * says so and the value stays on screen to select. `label` names what is copied for screen
 * readers.
 */
export const CopyButton = ({ value, label }: { value: string; label?: string }) => {
  const [failed, setFailed] = useState(false);
  const word = failed ? "Copy failed" : "Copy";
  return (
    <Button
      variant="secondary"
      aria-label={label ? `${word} ${label}` : undefined}
      onClick={async () => {
        try {
          await navigator.clipboard.writeText(value);
          setFailed(false);
          toast.success(label ? `Copied the ${label}` : "Copied");
        } catch {
          setFailed(true);
        }
      }}
    >
      {word}
    </Button>
  );
};
