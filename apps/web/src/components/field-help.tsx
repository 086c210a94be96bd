import type { ReactNode } from "react";

export const INPUT =
  "mt-1 block w-full rounded-md border bg-white dark:bg-slate-900 px-3 py-2 text-sm text-slate-900 dark:text-slate-100 shadow-sm focus:outline-2 focus:outline-offset-0 focus:outline-brand disabled:bg-slate-100 dark:disabled:bg-slate-800";

export const describedBy = (id: string, error: string[] | undefined, hint: ReactNode) =>
  [error?.length ? `${id}-error` : null, hint ? `${id}-hint` : null].filter(Boolean).join(" ") || undefined;

export const FieldHelp = ({
  id,
  error,
  hint,
}: {
  id: string;
  error: string[] | undefined;
  hint: ReactNode;
}) => (
  <>
    {hint && (
      <p id={`${id}-hint`} className="mt-1 text-xs text-slate-500 dark:text-slate-400">
        {hint}
      </p>
    )}
    {error?.length ? (
      <p id={`${id}-error`} className="mt-1 text-xs font-medium text-red-700 dark:text-red-400">
        {error[0]}
      </p>
    ) : null}
  </>
);
