import { Switch as SwitchPrimitive } from "radix-ui";
import { type ReactNode, useEffect, useId, useState } from "react";
import { cx, FOCUS_RING } from "./class-names.ts";

/** An on/off control (Radix Switch, role switch), with its label and an optional hint. */
export const Switch = ({
  label,
  checked,
  onChange,
  hint,
  disabled,
  busy,
}: {
  label: string;
  checked: boolean;
  onChange: (checked: boolean) => void;
  hint?: ReactNode;
  disabled?: boolean;
  busy?: boolean;
}) => {
  const id = useId();
  // The position asked for shows at once (a controlled switch would otherwise snap back until
  // the caller's state catches up); it gives way to `checked` when the work is done.
  const [requested, setRequested] = useState<boolean | null>(null);
  // biome-ignore lint/correctness/useExhaustiveDependencies: a new `checked` also settles the request
  useEffect(() => {
    if (!busy) setRequested(null);
  }, [busy, checked]);
  return (
    <div className="flex items-start gap-3">
      <SwitchPrimitive.Root
        id={id}
        checked={requested ?? checked}
        disabled={disabled || busy}
        aria-busy={busy || undefined}
        aria-describedby={hint ? `${id}-hint` : undefined}
        onCheckedChange={(next) => {
          setRequested(next);
          onChange(next);
        }}
        className={cx(
          "relative mt-0.5 inline-flex h-6 w-11 shrink-0 cursor-pointer items-center rounded-full bg-slate-400 transition-colors dark:bg-slate-500 data-[state=checked]:bg-brand disabled:cursor-not-allowed disabled:opacity-60",
          FOCUS_RING,
          "focus-visible:outline-brand",
        )}
      >
        <SwitchPrimitive.Thumb className="block size-5 translate-x-0.5 rounded-full bg-white shadow transition-transform data-[state=checked]:translate-x-5.5" />
      </SwitchPrimitive.Root>
      <div>
        <label htmlFor={id} className="text-sm font-medium text-fg">
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
