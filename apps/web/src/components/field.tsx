import { cx, describedBy, FieldHelp, INPUT } from "@tessera/ui";
import { type ReactNode, useId } from "react";

export interface FieldProps {
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
  onBlur?: () => void;
  /** The input element, for a form that focuses its first invalid field. */
  inputRef?: (element: HTMLElement | null) => void;
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
  onBlur,
  inputRef,
}: FieldProps) => {
  const id = useId();
  const common = {
    id,
    name,
    value,
    placeholder,
    disabled,
    onBlur,
    ref: inputRef,
    "aria-invalid": Boolean(error?.length),
    "aria-describedby": describedBy(id, error, hint),
  };
  const border = error?.length ? "border-red-500" : "border-line-strong";
  return (
    <div>
      <label htmlFor={id} className="block text-sm font-medium text-fg">
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
