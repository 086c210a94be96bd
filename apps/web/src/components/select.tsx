import { type ReactNode, useId } from "react";
import { cx } from "./class-names.ts";
import { describedBy, FieldHelp, INPUT } from "./field-help.tsx";

export const Select = ({
  label,
  name,
  value,
  onChange,
  options,
  error,
  hint,
  disabled,
}: {
  label: string;
  name: string;
  value: string;
  onChange: (value: string) => void;
  options: { value: string; label: string }[];
  error?: string[] | undefined;
  hint?: ReactNode;
  disabled?: boolean;
}) => {
  const id = useId();
  return (
    <div>
      <label htmlFor={id} className="block text-sm font-medium text-slate-800 dark:text-slate-200">
        {label}
      </label>
      <select
        id={id}
        name={name}
        value={value}
        disabled={disabled}
        onChange={(event) => onChange(event.target.value)}
        aria-invalid={Boolean(error?.length)}
        aria-describedby={describedBy(id, error, hint)}
        className={cx(INPUT, error?.length ? "border-red-500" : "border-slate-300 dark:border-slate-600")}
      >
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
      <FieldHelp id={id} error={error} hint={hint} />
    </div>
  );
};
