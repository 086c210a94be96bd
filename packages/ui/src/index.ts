// The design system: components on Radix primitives, styled with the tokens in tokens.css.
export { Alert } from "./alert.tsx";
export { Badge } from "./badge.tsx";
export { Button, Spinner } from "./button.tsx";
export { Card } from "./card.tsx";
export { Checkbox } from "./checkbox.tsx";
export { cx } from "./class-names.ts";
export {
  CommandButton,
  CommandDialog,
  CommandEmpty,
  CommandGroup,
  CommandItem,
  CommandLoading,
} from "./command.tsx";
export { ConfirmDialog } from "./confirm-dialog.tsx";
export { AlertDialog, AlertDialogCancel, Dialog } from "./dialog.tsx";
export {
  DropdownMenu,
  DropdownMenuCheckboxItem,
  DropdownMenuContent,
  DropdownMenuLabel,
  DropdownMenuTrigger,
} from "./dropdown-menu.tsx";
export { describedBy, FieldHelp, INPUT } from "./field-help.tsx";
export { Popover } from "./popover.tsx";
export { NativeSelect, Select } from "./select.tsx";
export { Sheet } from "./sheet.tsx";
export { Switch } from "./switch.tsx";
export { Table, TableBody, TableCaption, TableCell, TableHead, TableHeader, TableRow } from "./table.tsx";
export { Tabs } from "./tabs.tsx";
export { Toaster, toast } from "./toaster.tsx";
export { Tooltip } from "./tooltip.tsx";
export { BellIcon, MenuIcon } from "./trigger-icons.tsx";
