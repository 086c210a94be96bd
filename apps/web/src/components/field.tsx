import { type ReactNode, useId } from "react";
import { cx } from "./class-names.ts";
import { describedBy, FieldHelp, INPUT } from "./field-help.tsx";

interface FieldProps {
  label: string;
  name: string;
  value: string;
  onChange: (value: string) => void;
  error?: string[] | undefined;
  type?: string;
  hint?: ReactNode;
  required?: boolean;
  autoComplete?: string;
  multiline?: boolean;
  placeholder?: string;
  disabled?: boolean;
}

export const Field = ({
  label,
  name,
  value,
  onChange,
  error,
  type = "text",
  hint,
  required,
  autoComplete,
  multiline,
  placeholder,
  disabled,
}: FieldProps) => {
  const id = useId();
  const common = {
    id,
    name,
    value,
    placeholder,
    disabled,
    "aria-invalid": Boolean(error?.length),
    "aria-describedby": describedBy(id, error, hint),
  };
  const border = error?.length ? "border-red-500" : "border-slate-300 dark:border-slate-600";
  return (
    <div>
      <label htmlFor={id} className="block text-sm font-medium text-slate-800 dark:text-slate-200">
        {label}
        {required && (
          <span aria-hidden="true" className="text-red-700 dark:text-red-400">
            {" "}
            *
          </span>
        )}
      </label>
      {multiline ? (
        <textarea
          {...common}
          rows={5}
          spellCheck={false}
          onChange={(event) => onChange(event.target.value)}
          className={cx(INPUT, border, "font-mono")}
        />
      ) : (
        <input
          {...common}
          type={type}
          required={required}
          autoComplete={autoComplete}
          onChange={(event) => onChange(event.target.value)}
          className={cx(INPUT, border)}
        />
      )}
      <FieldHelp id={id} error={error} hint={hint} />
    </div>
  );
};
