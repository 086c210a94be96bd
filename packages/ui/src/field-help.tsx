import type { ReactNode } from "react";

/** The look of a text input or native select; the border (plain or invalid) is added by the caller. */
export const INPUT =
  "mt-1 block w-full rounded-md border bg-surface px-3 py-2 text-sm text-fg shadow-sm focus:outline-2 focus:outline-offset-0 focus:outline-brand disabled:bg-surface-muted";

export const describedBy = (id: string, error: string[] | undefined, hint: ReactNode) =>
  [error?.length ? `${id}-error` : null, hint ? `${id}-hint` : null].filter(Boolean).join(" ") || undefined;

/** A field's hint and its first error, each with the id the field's aria-describedby names. */
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
      <p id={`${id}-hint`} className="mt-1 text-xs text-fg-muted">
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
