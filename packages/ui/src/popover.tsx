import { Popover as RadixPopover } from "radix-ui";
import type { ReactNode } from "react";

/**
 * A panel anchored to its trigger, for a short list or a few actions. Radix handles focus,
 * Escape and a click outside; the panel is a dialog named by `title`.
 */
export const Popover = ({
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
  /** Shown as the panel's heading and read as its name. */
  title: ReactNode;
  children: ReactNode;
}) => (
  <RadixPopover.Root open={open} onOpenChange={onOpenChange}>
    <RadixPopover.Trigger asChild>{trigger}</RadixPopover.Trigger>
    <RadixPopover.Portal>
      <RadixPopover.Content
        align="end"
        sideOffset={8}
        collisionPadding={8}
        className="z-50 w-96 max-w-[calc(100vw-1rem)] rounded-lg border border-line bg-surface p-4 text-fg shadow-lg focus:outline-none"
      >
        <RadixPopover.Title className="mb-2 text-sm font-semibold">{title}</RadixPopover.Title>
        {children}
      </RadixPopover.Content>
    </RadixPopover.Portal>
  </RadixPopover.Root>
);
