// The one module deferred-overlays.tsx loads: a dynamic import of "@tessera/ui" itself would
// take the whole design system into a chunk the entry needs.
export { Popover, Sheet, Toaster } from "@tessera/ui";
