import { useState } from "react";
import { Button } from "./button.tsx";

const WORDS = { idle: "Copy", copied: "Copied", failed: "Copy failed" } as const;

/**
 * Copies a value to the clipboard and says whether it did (when the browser refuses, the
 * value stays on screen to select). `label` names what is copied for screen readers.
 */
export const CopyButton = ({ value, label }: { value: string; label?: string }) => {
  const [state, setState] = useState<keyof typeof WORDS>("idle");
  return (
    <Button
      variant="secondary"
      aria-label={label ? `${WORDS[state]} ${label}` : undefined}
      onClick={async () => {
        try {
          await navigator.clipboard.writeText(value);
          setState("copied");
        } catch {
          setState("failed");
        }
      }}
    >
      {WORDS[state]}
    </Button>
  );
};
