import { useId } from "react";
import { cx } from "../../components/class-names.ts";

const HEX = /^#[0-9a-fA-F]{6}$/;

/** A brand colour: a colour picker and the hex value it writes, either one editable. */
export const ColourField = ({
  label,
  name,
  value,
  onChange,
  error,
  hint,
}: {
  label: string;
  name: string;
  value: string;
  onChange: (value: string) => void;
  error?: string[] | undefined;
  hint?: string;
}) => {
  const id = useId();
  const invalid = Boolean(error?.length);
  const describedBy = [invalid ? `${id}-error` : null, hint ? `${id}-hint` : null].filter(Boolean).join(" ");
  return (
    <div>
      <label htmlFor={id} className="block text-sm font-medium text-slate-800 dark:text-slate-200">
        {label}
      </label>
      <div className="mt-1 flex items-center gap-2">
        <input
          type="color"
          aria-label={`${label} picker`}
          // The picker only holds #rrggbb: while the text is mid-edit it keeps the last full value.
          value={HEX.test(value) ? value.toLowerCase() : "#000000"}
          onChange={(event) => onChange(event.target.value)}
          className="h-9 w-12 shrink-0 cursor-pointer rounded border border-slate-300 dark:border-slate-600 bg-white dark:bg-slate-900 p-0.5"
        />
        <input
          id={id}
          name={name}
          value={value}
          spellCheck={false}
          autoComplete="off"
          aria-invalid={invalid}
          aria-describedby={describedBy || undefined}
          onChange={(event) => onChange(event.target.value)}
          className={cx(
            "block w-full rounded-md border bg-white dark:bg-slate-900 px-3 py-2 font-mono text-sm text-slate-900 dark:text-slate-100 shadow-sm focus:outline-2 focus:outline-offset-0 focus:outline-brand",
            invalid ? "border-red-500" : "border-slate-300 dark:border-slate-600",
          )}
        />
      </div>
      {hint && (
        <p id={`${id}-hint`} className="mt-1 text-xs text-slate-500 dark:text-slate-400">
          {hint}
        </p>
      )}
      {invalid && (
        <p id={`${id}-error`} className="mt-1 text-xs font-medium text-red-700 dark:text-red-400">
          {error?.[0]}
        </p>
      )}
    </div>
  );
};
