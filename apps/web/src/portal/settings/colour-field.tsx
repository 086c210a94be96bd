import { cx } from "@tessera/ui";
import { useId } from "react";
import type { FieldValues } from "react-hook-form";
import { type Bound, useBound } from "../../components/form-field.tsx";

const HEX = /^#[0-9a-fA-F]{6}$/;

/** A brand colour: a colour picker and the hex value it writes, either one editable. */
export const ColourField = <Values extends FieldValues>({
  label,
  hint,
  ...bound
}: Bound<Values> & { label: string; hint?: string }) => {
  const { name, value, onChange, onBlur, inputRef, error } = useBound(bound);
  const id = useId();
  const invalid = Boolean(error?.length);
  const describedBy = [invalid ? `${id}-error` : null, hint ? `${id}-hint` : null].filter(Boolean).join(" ");
  return (
    <div>
      <label htmlFor={id} className="block text-sm font-medium text-fg">
        {label}
      </label>
      <div className="mt-1 flex items-center gap-2">
        <input
          type="color"
          aria-label={`${label} picker`}
          // The picker only holds #rrggbb: while the text is mid-edit it keeps the last full value.
          value={HEX.test(value) ? value.toLowerCase() : "#000000"}
          onChange={(event) => onChange(event.target.value)}
          className="h-9 w-12 shrink-0 cursor-pointer rounded border border-line-strong bg-surface p-0.5"
        />
        <input
          id={id}
          ref={inputRef}
          name={name}
          value={value}
          onBlur={onBlur}
          spellCheck={false}
          autoComplete="off"
          aria-invalid={invalid}
          aria-describedby={describedBy || undefined}
          onChange={(event) => onChange(event.target.value)}
          className={cx(
            "block w-full rounded-md border bg-surface px-3 py-2 font-mono text-sm text-fg shadow-sm focus:outline-2 focus:outline-offset-0 focus:outline-brand",
            invalid ? "border-red-500" : "border-line-strong",
          )}
        />
      </div>
      {hint && (
        <p id={`${id}-hint`} className="mt-1 text-xs text-fg-muted">
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
