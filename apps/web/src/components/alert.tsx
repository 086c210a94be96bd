import type { ReactNode } from "react";
import { cx } from "./class-names.ts";

export const Alert = ({
  tone = "error",
  title,
  children,
}: {
  tone?: "error" | "success" | "info" | "warning";
  title?: ReactNode;
  children: ReactNode;
}) => (
  <div
    role={tone === "error" ? "alert" : "status"}
    className={cx(
      "rounded-md border px-4 py-3 text-sm",
      tone === "error" &&
        "border-red-200 dark:border-red-800 bg-red-50 dark:bg-red-950 text-red-800 dark:text-red-300",
      tone === "success" &&
        "border-emerald-200 dark:border-emerald-800 bg-emerald-50 dark:bg-emerald-950 text-emerald-800 dark:text-emerald-300",
      tone === "info" &&
        "border-sky-200 dark:border-sky-800 bg-sky-50 dark:bg-sky-950 text-sky-900 dark:text-sky-200",
      tone === "warning" &&
        "border-amber-200 dark:border-amber-800 bg-amber-50 dark:bg-amber-950 text-amber-900 dark:text-amber-200",
    )}
  >
    {title && <p className="font-semibold">{title}</p>}
    {children}
  </div>
);
