import { CommandButton } from "@tessera/ui";
import {
  createContext,
  lazy,
  type ReactNode,
  Suspense,
  useCallback,
  useContext,
  useEffect,
  useState,
} from "react";

// The dialog, cmdk and the search queries load the first time it opens, not with the console.
const CommandPaletteDialog = lazy(() =>
  import("./command-palette-dialog.tsx").then((module) => ({ default: module.CommandPaletteDialog })),
);

const OpenPalette = createContext<(() => void) | null>(null);

/** Ctrl+K, or ⌘K on a Mac; both work everywhere, this is only what the button shows. */
const isShortcut = (event: KeyboardEvent) =>
  event.key.toLowerCase() === "k" && (event.ctrlKey || event.metaKey) && !event.altKey && !event.shiftKey;

/**
 * The console's command palette: pages, organisations, licenses and tickets, opened with
 * Ctrl/⌘+K anywhere in the console or with CommandPaletteButton.
 */
export const CommandPalette = ({ children }: { children: ReactNode }) => {
  const [open, setOpen] = useState(false);
  // Mounted from the first opening on, so closing hands focus back to where it was.
  const [opened, setOpened] = useState(false);
  const show = useCallback(() => {
    setOpened(true);
    setOpen(true);
  }, []);
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (!isShortcut(event)) return;
      // Opens only (Escape closes): pressed again while it opens, it leaves it open.
      event.preventDefault();
      show();
    };
    document.addEventListener("keydown", onKeyDown);
    return () => document.removeEventListener("keydown", onKeyDown);
  }, [show]);
  return (
    <OpenPalette.Provider value={show}>
      {children}
      {opened && (
        <Suspense fallback={null}>
          <CommandPaletteDialog open={open} onOpenChange={setOpen} />
        </Suspense>
      )}
    </OpenPalette.Provider>
  );
};

const onMac = () => /Mac|iPhone|iPad/.test(navigator.userAgent);

/** The header's "Search…" button; renders nothing outside a CommandPalette (the portal). */
export const CommandPaletteButton = () => {
  const open = useContext(OpenPalette);
  if (!open) return null;
  return (
    <CommandButton
      label="Search…"
      shortcut={onMac() ? "⌘K" : "Ctrl K"}
      keyShortcuts="Control+K Meta+K"
      onClick={open}
    />
  );
};
