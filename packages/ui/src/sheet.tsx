import { X } from "lucide-react";
import { Dialog } from "radix-ui";
import type { ReactNode } from "react";

/**
 * A panel that slides in from the side of a small screen: the phone's menu. A Radix dialog,
 * so focus moves into it, stays there, returns to the trigger on close, and Escape closes it.
 */
export const Sheet = ({
  open,
  onOpenChange,
  trigger,
  title,
  children,
}: {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  /** The button that opens it (rendered as is: give it its own accessible name). */
  trigger: ReactNode;
  title: string;
  children: ReactNode;
}) => (
  <Dialog.Root open={open} onOpenChange={onOpenChange}>
    <Dialog.Trigger asChild>{trigger}</Dialog.Trigger>
    <Dialog.Portal>
      <Dialog.Overlay className="fixed inset-0 z-40 bg-overlay" />
      <Dialog.Content
        aria-describedby={undefined}
        className="fixed inset-y-0 right-0 z-50 flex w-80 max-w-[85vw] flex-col overflow-y-auto bg-surface p-4 text-fg shadow-xl focus:outline-none"
      >
        <div className="mb-4 flex items-center justify-between gap-2">
          <Dialog.Title className="text-base font-semibold">{title}</Dialog.Title>
          <Dialog.Close
            aria-label="Close menu"
            className="rounded-md p-2 text-fg-muted hover:bg-surface-muted focus-visible:outline-2 focus-visible:outline-ring"
          >
            <X className="size-5" aria-hidden />
          </Dialog.Close>
        </div>
        {children}
      </Dialog.Content>
    </Dialog.Portal>
  </Dialog.Root>
);
