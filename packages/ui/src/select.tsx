import { Check, ChevronDown } from "lucide-react";
import { Select as SelectPrimitive } from "radix-ui";
import { type ReactNode, useId } from "react";
import { cx, FOCUS_RING } from "./class-names.ts";
import { describedBy, FieldHelp, INPUT } from "./field-help.tsx";

type Option = { value: string; label: string };

const LABEL = "block text-sm font-medium text-fg";

/** The border of a field: red while it holds an error. */
const fieldBorder = (error: string[] | undefined) =>
  error?.length ? "border-red-500" : "border-line-strong";

/**
 * A labelled native `<select>`: forms and filters use it (the platform's own picker on phones,
 * typing to jump, and the browser tests drive it with selectOption).
 */
export const NativeSelect = ({
  label,
  name,
  value,
  onChange,
  options,
  error,
  hint,
  disabled,
  onBlur,
  inputRef,
}: {
  label: string;
  name: string;
  value: string;
  onChange: (value: string) => void;
  options: Option[];
  error?: string[] | undefined;
  hint?: ReactNode;
  disabled?: boolean;
  /** For react-hook-form: it marks the field touched and focuses it when it is invalid. */
  onBlur?: () => void;
  inputRef?: (element: HTMLElement | null) => void;
}) => {
  const id = useId();
  return (
    <div>
      <label htmlFor={id} className={LABEL}>
        {label}
      </label>
      <select
        id={id}
        name={name}
        value={value}
        disabled={disabled}
        ref={inputRef}
        onBlur={onBlur}
        onChange={(event) => onChange(event.target.value)}
        aria-invalid={Boolean(error?.length)}
        aria-describedby={describedBy(id, error, hint)}
        className={cx(INPUT, fieldBorder(error))}
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

/**
 * A labelled Radix Select (a button opening a listbox), for pickers that act at once rather
 * than fill a form, e.g. switching between records. Radix allows no empty value: every option
 * needs one.
 */
export const Select = ({
  label,
  value,
  onChange,
  options,
  disabled,
  autoFocus,
}: {
  label: string;
  value: string;
  onChange: (value: string) => void;
  options: Option[];
  disabled?: boolean;
  /** Focus the picker when it appears, e.g. on the page a pick just opened. */
  autoFocus?: boolean;
}) => {
  const id = useId();
  return (
    <div>
      <label htmlFor={id} className={LABEL}>
        {label}
      </label>
      <SelectPrimitive.Root value={value} onValueChange={onChange} disabled={disabled}>
        <SelectPrimitive.Trigger
          id={id}
          autoFocus={autoFocus}
          className={cx(
            INPUT,
            "flex items-center justify-between gap-2 border-line-strong text-left",
            FOCUS_RING,
          )}
        >
          <SelectPrimitive.Value />
          <SelectPrimitive.Icon>
            <ChevronDown className="size-4 text-fg-muted" aria-hidden />
          </SelectPrimitive.Icon>
        </SelectPrimitive.Trigger>
        <SelectPrimitive.Portal>
          <SelectPrimitive.Content
            position="popper"
            sideOffset={4}
            className="z-50 max-h-(--radix-select-content-available-height) min-w-(--radix-select-trigger-width) overflow-hidden rounded-md border border-line bg-surface text-fg shadow-lg"
          >
            <SelectPrimitive.Viewport className="p-1">
              {options.map((option) => (
                <SelectPrimitive.Item
                  key={option.value}
                  value={option.value}
                  className="relative flex cursor-default select-none items-center rounded py-1.5 pr-2 pl-7 text-sm outline-none data-highlighted:bg-surface-muted data-disabled:opacity-50"
                >
                  <SelectPrimitive.ItemIndicator className="absolute left-2 inline-flex">
                    <Check className="size-4" aria-hidden />
                  </SelectPrimitive.ItemIndicator>
                  <SelectPrimitive.ItemText>{option.label}</SelectPrimitive.ItemText>
                </SelectPrimitive.Item>
              ))}
            </SelectPrimitive.Viewport>
          </SelectPrimitive.Content>
        </SelectPrimitive.Portal>
      </SelectPrimitive.Root>
    </div>
  );
};
