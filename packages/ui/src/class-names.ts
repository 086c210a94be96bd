export const cx = (...classes: (string | false | null | undefined)[]) => classes.filter(Boolean).join(" ");

/** The focus outline every control shares: visible on keyboard focus only. */
export const FOCUS_RING = "focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-ring";
