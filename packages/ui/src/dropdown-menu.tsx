import { DropdownMenu as Menu } from "radix-ui";
import type { ComponentProps } from "react";
import { cx } from "./class-names.ts";

/** A menu opened from a button (Radix: arrow keys move, Escape closes, focus returns to the trigger). */
export const DropdownMenu = Menu.Root;
export const DropdownMenuTrigger = Menu.Trigger;

export const DropdownMenuContent = ({ className, ...props }: ComponentProps<typeof Menu.Content>) => (
  <Menu.Portal>
    <Menu.Content
      align="end"
      sideOffset={4}
      {...props}
      className={cx(
        "z-50 min-w-48 rounded-md border border-line bg-surface p-1 text-sm text-fg shadow-lg",
        className,
      )}
    />
  </Menu.Portal>
);

export const DropdownMenuLabel = ({ className, ...props }: ComponentProps<typeof Menu.Label>) => (
  <Menu.Label {...props} className={cx("px-2 py-1.5 text-xs font-medium text-fg-muted", className)} />
);

/** A menu item that is on or off; it keeps the menu open so several can be switched in a row. */
export const DropdownMenuCheckboxItem = ({
  className,
  children,
  onSelect,
  ...props
}: ComponentProps<typeof Menu.CheckboxItem>) => (
  <Menu.CheckboxItem
    {...props}
    onSelect={(event) => {
      event.preventDefault();
      onSelect?.(event);
    }}
    className={cx(
      "relative flex cursor-default select-none items-center gap-2 rounded px-2 py-1.5 pl-7 outline-none data-[highlighted]:bg-surface-muted",
      className,
    )}
  >
    <span className="absolute left-2 flex size-4 items-center justify-center" aria-hidden>
      <Menu.ItemIndicator>✓</Menu.ItemIndicator>
    </span>
    {children}
  </Menu.CheckboxItem>
);
