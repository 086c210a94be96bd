import type { CSSProperties } from "react";
import { Toaster as Sonner } from "sonner";

// Sonner's own colour variables, pointed at the design system's tokens (light and dark).
const COLOURS = {
  "--normal-bg": "var(--ui-surface)",
  "--normal-text": "var(--ui-fg)",
  "--normal-border": "var(--ui-line)",
} as CSSProperties;

/**
 * Where toasts show: mount once. Toasts are for news that needs no answer and may vanish
 * ("Copied", "Saved"); errors and anything to act on stay in the page. `theme="system"`
 * follows prefers-color-scheme like the rest of the UI.
 */
export const Toaster = () => <Sonner theme="system" position="bottom-right" closeButton style={COLOURS} />;

export { toast } from "sonner";
