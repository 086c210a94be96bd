import { loadPurifier, sanitizeSvgMarkup as sanitize } from "./svg-sanitizer.ts";

/**
 * The sanitiser's worker thread. piscina awaits an exported promise before it reports the
 * thread ready, so jsdom and DOMPurify load first and a task's time limit measures the work
 * on that task, not the thread's start.
 */
export const sanitizeSvgMarkup = loadPurifier().then(() => sanitize);
