import type { ButtonHTMLAttributes } from "react";
import { cx } from "./class-names.ts";

export const Button = ({
  variant = "primary",
  busy = false,
  className,
  children,
  ...props
}: ButtonHTMLAttributes<HTMLButtonElement> & {
  variant?: "primary" | "secondary" | "danger" | "ghost";
  busy?: boolean;
}) => (
  <button
    type="button"
    {...props}
    disabled={props.disabled || busy}
    aria-busy={busy || undefined}
    className={cx(
      "inline-flex items-center justify-center gap-2 whitespace-nowrap rounded-md px-3 py-2 text-sm font-medium focus-visible:outline-2 focus-visible:outline-offset-2 disabled:cursor-not-allowed disabled:opacity-60",
      variant === "primary" &&
        "bg-brand text-on-brand shadow-sm hover:bg-brand-hover focus-visible:outline-brand",
      variant === "secondary" &&
        "border border-slate-300 dark:border-slate-600 bg-white dark:bg-slate-900 text-slate-800 dark:text-slate-200 shadow-sm hover:bg-slate-50 dark:hover:bg-slate-800 focus-visible:outline-slate-500",
      variant === "danger" &&
        "bg-red-700 text-white shadow-sm hover:bg-red-800 focus-visible:outline-red-700",
      variant === "ghost" &&
        "text-slate-700 dark:text-slate-300 hover:bg-slate-100 dark:hover:bg-slate-800 focus-visible:outline-slate-500",
      className,
    )}
  >
    {busy && (
      <span
        className="size-3 animate-spin rounded-full border-2 border-current border-t-transparent"
        aria-hidden
      />
    )}
    {children}
  </button>
);
