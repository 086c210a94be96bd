import { CommandDialog, CommandEmpty, CommandGroup, CommandItem, CommandLoading } from "@tessera/ui";
import { useState } from "react";
import { useNavigate } from "react-router";
import { CONSOLE_NAV } from "../area-nav.ts";
import { useRole } from "../auth/session.tsx";
import { usePaletteSearch } from "./use-palette-search.ts";

const DETAIL = "ml-auto truncate pl-2 text-xs text-fg-muted";

/** The palette itself: the pages this role may open, then records matching the search. */
export const CommandPaletteDialog = ({
  open,
  onOpenChange,
}: {
  open: boolean;
  onOpenChange: (open: boolean) => void;
}) => {
  const navigate = useNavigate();
  const role = useRole() ?? "";
  const [search, setSearch] = useState("");
  const { groups, pending, failed } = usePaletteSearch(search);
  const typed = search.trim().toLowerCase();
  const pages = CONSOLE_NAV.filter(
    (item) => (!item.roles || item.roles.includes(role)) && item.label.toLowerCase().includes(typed),
  );
  const changeOpen = (next: boolean) => {
    if (!next) setSearch("");
    onOpenChange(next);
  };
  const go = (to: string) => {
    changeOpen(false);
    navigate(to);
  };
  return (
    <CommandDialog
      open={open}
      onOpenChange={changeOpen}
      title="Search the console"
      search={search}
      onSearchChange={setSearch}
      placeholder="Go to a page, or search organisations, licenses and tickets"
    >
      {pending && <CommandLoading label="Searching…" />}
      {!pending && <CommandEmpty>Nothing matches “{search.trim()}”.</CommandEmpty>}
      {failed && (
        <p role="alert" className="px-2 py-2 text-sm text-red-700 dark:text-red-300">
          Some results could not be loaded; type again to retry.
        </p>
      )}
      {pages.length > 0 && (
        <CommandGroup heading="Pages">
          {pages.map((item) => (
            <CommandItem key={item.to} value={`page:${item.to}`} onSelect={() => go(item.to)}>
              {item.label}
            </CommandItem>
          ))}
        </CommandGroup>
      )}
      {groups.map(
        (group) =>
          group.results.length > 0 && (
            <CommandGroup key={group.heading} heading={group.heading}>
              {group.results.map((result) => (
                <CommandItem key={result.value} value={result.value} onSelect={() => go(result.to)}>
                  <span className="truncate">{result.label}</span>
                  <span className={DETAIL}>{result.detail}</span>
                </CommandItem>
              ))}
            </CommandGroup>
          ),
      )}
    </CommandDialog>
  );
};
