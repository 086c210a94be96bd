import type { ComponentProps } from "react";
import { cx } from "./class-names.ts";

/**
 * Styled table parts. The wrapper scrolls sideways on its own, so a wide table never makes the
 * page scroll on a phone; it is focusable and named so keyboard users can scroll it too. It is
 * `relative` so screen-reader-only text in a far cell (absolutely placed) stays inside it too:
 * otherwise that text escapes the scroll box and widens the page.
 */
export const Table = ({ className, label, ...props }: ComponentProps<"table"> & { label: string }) => (
  <section
    aria-label={label}
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region must take focus to scroll by keyboard (WCAG 2.1.1)
    tabIndex={0}
    className="max-w-full relative overflow-x-auto focus-visible:outline-2 focus-visible:outline-ring"
  >
    <table {...props} className={cx("w-full text-left text-sm", className)} />
  </section>
);

export const TableCaption = ({ className, ...props }: ComponentProps<"caption">) => (
  <caption {...props} className={cx("sr-only", className)} />
);

export const TableHeader = ({ className, ...props }: ComponentProps<"thead">) => (
  <thead
    {...props}
    className={cx("border-b border-line text-xs uppercase tracking-wide text-fg-muted", className)}
  />
);

export const TableBody = ({ className, ...props }: ComponentProps<"tbody">) => (
  <tbody {...props} className={cx("divide-y divide-line", className)} />
);

export const TableRow = ({ className, ...props }: ComponentProps<"tr">) => (
  <tr {...props} className={cx("align-top hover:bg-surface-muted", className)} />
);

export const TableHead = ({ className, ...props }: ComponentProps<"th">) => (
  <th scope="col" {...props} className={cx("whitespace-nowrap py-2 pr-4 font-medium", className)} />
);

export const TableCell = ({ className, ...props }: ComponentProps<"td">) => (
  <td {...props} className={cx("py-2.5 pr-4 text-fg-muted", className)} />
);
