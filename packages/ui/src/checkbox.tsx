import { Check } from "lucide-react";
import { Checkbox as CheckboxPrimitive } from "radix-ui";
import { type ReactNode, useId } from "react";
import { cx, FOCUS_RING } from "./class-names.ts";

/** A labelled tick box (Radix Checkbox, role checkbox), with an optional hint under the label. */
export const Checkbox = ({
  label,
  checked,
  onChange,
  hint,
  disabled,
}: {
  label: ReactNode;
  checked: boolean;
  onChange: (checked: boolean) => void;
  hint?: ReactNode;
  disabled?: boolean;
}) => {
  const id = useId();
  return (
    <div className="flex items-start gap-2">
      <CheckboxPrimitive.Root
        id={id}
        checked={checked}
        disabled={disabled}
        aria-describedby={hint ? `${id}-hint` : undefined}
        onCheckedChange={(next) => onChange(next === true)}
        className={cx(
          "mt-0.5 flex size-4 shrink-0 items-center justify-center rounded border border-line-strong bg-surface data-[state=checked]:border-brand data-[state=checked]:bg-brand data-[state=checked]:text-on-brand disabled:cursor-not-allowed disabled:opacity-60",
          FOCUS_RING,
        )}
      >
        <CheckboxPrimitive.Indicator>
          <Check className="size-3" strokeWidth={3} aria-hidden />
        </CheckboxPrimitive.Indicator>
      </CheckboxPrimitive.Root>
      <div className="text-sm">
        <label htmlFor={id} className="font-medium text-fg">
          {label}
        </label>
        {hint && (
          <p id={`${id}-hint`} className="text-xs text-fg-muted">
            {hint}
          </p>
        )}
      </div>
    </div>
  );
};
