import type { ReactNode } from "react";
import { Button } from "./button.tsx";
import { AlertDialog, AlertDialogCancel } from "./dialog.tsx";

/**
 * A modal confirmation on Radix AlertDialog: focus stays inside, starts on the cancel button and
 * Escape cancels (not while the action runs). Both buttons say what they do: `confirmLabel`
 * names the action, `cancelLabel` what keeping things as they are means ("Keep license"), so
 * neither reads as "Cancel" the thing itself.
 */
export const ConfirmDialog = ({
  open,
  title,
  children,
  confirmLabel,
  cancelLabel,
  onConfirm,
  onCancel,
  busy,
  busyLabel = "Working…",
  tone = "danger",
}: {
  open: boolean;
  title: string;
  children?: ReactNode;
  confirmLabel: string;
  cancelLabel: string;
  onConfirm: () => void;
  onCancel: () => void;
  busy?: boolean;
  busyLabel?: string;
  tone?: "danger" | "primary";
}) => (
  <AlertDialog
    open={open}
    onOpenChange={(next) => {
      if (!next && !busy) onCancel();
    }}
    title={title}
    actions={
      <>
        <AlertDialogCancel asChild>
          <Button variant="secondary" disabled={busy}>
            {cancelLabel}
          </Button>
        </AlertDialogCancel>
        <Button variant={tone} busy={busy} onClick={onConfirm}>
          {busy ? busyLabel : confirmLabel}
        </Button>
      </>
    }
  >
    {children}
  </AlertDialog>
);
