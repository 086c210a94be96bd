import type { ReactNode } from "react";
import { cx } from "./class-names.ts";

export const Badge = ({
  tone = "slate",
  children,
}: {
  tone?: "slate" | "green" | "amber" | "red" | "blue";
  children: ReactNode;
}) => (
  <span
    className={cx(
      "inline-flex items-center rounded-full px-2 py-0.5 text-xs font-medium",
      tone === "slate" && "bg-slate-100 dark:bg-slate-800 text-slate-700 dark:text-slate-300",
      tone === "green" && "bg-emerald-100 dark:bg-emerald-900 text-emerald-800 dark:text-emerald-300",
      tone === "amber" && "bg-amber-100 dark:bg-amber-900 text-amber-900 dark:text-amber-200",
      tone === "red" && "bg-red-100 dark:bg-red-900 text-red-800 dark:text-red-300",
      tone === "blue" && "bg-sky-100 dark:bg-sky-900 text-sky-800 dark:text-sky-300",
    )}
  >
    {children}
  </span>
);
