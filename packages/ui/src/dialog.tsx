import { X } from "lucide-react";
import { AlertDialog as AlertPrimitive, Dialog as DialogPrimitive } from "radix-ui";
import { type ReactNode, useRef } from "react";
import { cx, FOCUS_RING } from "./class-names.ts";

/**
 * Focus goes back where it was when the window closes. Radix sends it to the window's Trigger,
 * and these windows have none (the caller opens them), so the opener is noted on opening.
 */
const useReturnFocus = () => {
  const opener = useRef<HTMLElement | null>(null);
  return {
    onOpenAutoFocus: () => {
      opener.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    },
    onCloseAutoFocus: (event: Event) => {
      event.preventDefault();
      opener.current?.focus();
    },
  };
};

const OVERLAY = "fixed inset-0 z-40 bg-overlay";
const CONTENT =
  "fixed top-1/2 left-1/2 z-50 max-h-[calc(100dvh-2rem)] w-[calc(100vw-2rem)] max-w-md -translate-x-1/2 -translate-y-1/2 overflow-y-auto rounded-lg bg-surface p-6 text-fg shadow-xl ring-1 ring-line focus:outline-none";
const TITLE = "text-lg font-semibold text-fg";
const BODY = "mt-3 space-y-3 text-sm text-fg-muted";

/**
 * A modal window on Radix Dialog: focus stays inside, Escape and the × close it, focus goes back
 * where it was. `description` (or the body) is what screen readers read after the title.
 */
export const Dialog = ({
  open,
  onOpenChange,
  title,
  children,
  footer,
}: {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  title: string;
  children: ReactNode;
  footer?: ReactNode;
}) => {
  const returnFocus = useReturnFocus();
  return (
    <DialogPrimitive.Root open={open} onOpenChange={onOpenChange}>
      <DialogPrimitive.Portal>
        <DialogPrimitive.Overlay className={OVERLAY} />
        <DialogPrimitive.Content className={CONTENT} {...returnFocus}>
          <div className="flex items-start justify-between gap-4">
            <DialogPrimitive.Title className={TITLE}>{title}</DialogPrimitive.Title>
            <DialogPrimitive.Close
              aria-label="Close"
              className={cx("-m-1 rounded-md p-1 text-fg-muted hover:bg-surface-muted", FOCUS_RING)}
            >
              <X className="size-4" aria-hidden />
            </DialogPrimitive.Close>
          </div>
          <DialogPrimitive.Description asChild>
            <div className={BODY}>{children}</div>
          </DialogPrimitive.Description>
          {footer && <div className="mt-6 flex justify-end gap-2">{footer}</div>}
        </DialogPrimitive.Content>
      </DialogPrimitive.Portal>
    </DialogPrimitive.Root>
  );
};

/**
 * The frame of a question that needs an answer (Radix AlertDialog, role alertdialog): no ×, no
 * closing by clicking outside; Escape and the cancel button answer "no". `actions` holds them.
 */
export const AlertDialog = ({
  open,
  onOpenChange,
  title,
  children,
  actions,
}: {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  title: string;
  children?: ReactNode;
  actions: ReactNode;
}) => {
  const returnFocus = useReturnFocus();
  return (
    <AlertPrimitive.Root open={open} onOpenChange={onOpenChange}>
      <AlertPrimitive.Portal>
        <AlertPrimitive.Overlay className={OVERLAY} />
        <AlertPrimitive.Content
          className={CONTENT}
          {...returnFocus}
          // Without a body there is nothing to describe the question with; Radix asks to say so.
          {...(children ? {} : { "aria-describedby": undefined })}
        >
          <AlertPrimitive.Title className={TITLE}>{title}</AlertPrimitive.Title>
          {children && (
            <AlertPrimitive.Description asChild>
              <div className={BODY}>{children}</div>
            </AlertPrimitive.Description>
          )}
          <div className="mt-6 flex flex-wrap justify-end gap-2">{actions}</div>
        </AlertPrimitive.Content>
      </AlertPrimitive.Portal>
    </AlertPrimitive.Root>
  );
};

/** The button that answers an AlertDialog "no": it closes it through the dialog's onOpenChange. */
export const AlertDialogCancel = AlertPrimitive.Cancel;
