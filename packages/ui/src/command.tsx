import { Command } from "cmdk";
import { Search } from "lucide-react";
import { Dialog } from "radix-ui";
import type { ReactNode } from "react";

interface CommandDialogProps {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  /** The dialog's accessible name (visually hidden: the input says what to do). */
  title: string;
  search: string;
  onSearchChange: (search: string) => void;
  placeholder: string;
  children: ReactNode;
}

/**
 * A command menu in a modal dialog: an input over a listbox (cmdk gives the combobox, listbox
 * and option roles, and the arrow keys). The caller filters: results come from the server, so
 * cmdk's own fuzzy filter, which would hide them, is off.
 */
export const CommandDialog = ({
  open,
  onOpenChange,
  title,
  search,
  onSearchChange,
  placeholder,
  children,
}: CommandDialogProps) => (
  <Dialog.Root open={open} onOpenChange={onOpenChange}>
    <Dialog.Portal>
      <Dialog.Overlay className="fixed inset-0 z-40 bg-overlay" />
      <Dialog.Content
        aria-describedby={undefined}
        className="fixed left-1/2 top-[12vh] z-50 w-[calc(100vw-2rem)] max-w-xl -translate-x-1/2 overflow-hidden rounded-lg border border-line bg-surface text-fg shadow-xl"
      >
        <Dialog.Title className="sr-only">{title}</Dialog.Title>
        <Command label={title} shouldFilter={false} loop vimBindings={false}>
          <div className="flex items-center gap-2 border-b border-line px-3">
            <Search aria-hidden className="size-4 shrink-0 text-fg-muted" />
            <Command.Input
              value={search}
              onValueChange={onSearchChange}
              placeholder={placeholder}
              className="h-12 w-full bg-transparent text-sm outline-none placeholder:text-fg-muted"
            />
          </div>
          <Command.List className="max-h-[60vh] overflow-y-auto p-2">{children}</Command.List>
        </Command>
      </Dialog.Content>
    </Dialog.Portal>
  </Dialog.Root>
);

/** A titled group of options; hidden by cmdk while it holds none. */
export const CommandGroup = ({ heading, children }: { heading: string; children: ReactNode }) => (
  <Command.Group
    heading={heading}
    className="py-1 [&_[cmdk-group-heading]]:px-2 [&_[cmdk-group-heading]]:py-1 [&_[cmdk-group-heading]]:text-xs [&_[cmdk-group-heading]]:font-medium [&_[cmdk-group-heading]]:text-fg-muted"
  >
    {children}
  </Command.Group>
);

/** One option: Enter or a click runs `onSelect`. `value` must be unique in the menu. */
export const CommandItem = ({
  value,
  onSelect,
  children,
}: {
  value: string;
  onSelect: () => void;
  children: ReactNode;
}) => (
  <Command.Item
    value={value}
    onSelect={onSelect}
    className="flex cursor-pointer items-center gap-2 rounded-md px-2 py-2 text-sm data-[selected=true]:bg-surface-muted"
  >
    {children}
  </Command.Item>
);

/** What the list says when it has no option at all (cmdk shows it only then). */
export const CommandEmpty = ({ children }: { children: ReactNode }) => (
  <Command.Empty className="px-2 py-6 text-center text-sm text-fg-muted">{children}</Command.Empty>
);

/** Said while results are on their way (announced: cmdk gives it role="progressbar"). */
export const CommandLoading = ({ label }: { label: string }) => (
  <Command.Loading label={label}>
    <p className="px-2 py-2 text-sm text-fg-muted">{label}</p>
  </Command.Loading>
);

/**
 * The visible way in: a search-field-like button that shows its shortcut (`shortcut` as
 * displayed, `keyShortcuts` as aria-keyshortcuts spells it).
 */
export const CommandButton = ({
  label,
  shortcut,
  keyShortcuts,
  onClick,
}: {
  label: string;
  shortcut: string;
  keyShortcuts: string;
  onClick: () => void;
}) => (
  <button
    type="button"
    onClick={onClick}
    aria-keyshortcuts={keyShortcuts}
    className="inline-flex items-center gap-2 rounded-md border border-line-strong bg-surface px-3 py-1.5 text-sm text-fg shadow-sm hover:bg-surface-muted focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-ring"
  >
    <Search aria-hidden className="size-4" />
    <span>{label}</span>
    <kbd
      aria-hidden
      className="hidden rounded border border-line-strong px-1 font-sans text-xs text-fg-muted sm:inline"
    >
      {shortcut}
    </kbd>
  </button>
);
