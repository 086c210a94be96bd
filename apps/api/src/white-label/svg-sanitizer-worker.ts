import { loadPurifier } from "./svg-sanitizer.ts";

// Start loading jsdom and DOMPurify as the thread starts, before the first task needs them.
void loadPurifier();

/** The sanitiser's worker thread: piscina calls `sanitizeSvgMarkup` with the SVG's text. */
export { sanitizeSvgMarkup } from "./svg-sanitizer.ts";
