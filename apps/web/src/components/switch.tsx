import { type ReactNode, useEffect, useId, useState } from "react";

/** An on/off control: a checkbox announced as a switch, with its label and an optional hint. */
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
  // The position asked for shows at once (a controlled box would otherwise snap back until
  // the caller's state catches up); it gives way to `checked` when the work is done.
  const [requested, setRequested] = useState<boolean | null>(null);
  // biome-ignore lint/correctness/useExhaustiveDependencies: a new `checked` also settles the request
  useEffect(() => {
    if (!busy) setRequested(null);
  }, [busy, checked]);
  const shown = requested ?? checked;
  return (
    <div className="flex items-start gap-3">
      <input
        id={id}
        type="checkbox"
        role="switch"
        checked={shown}
        aria-checked={shown}
        disabled={disabled || busy}
        aria-busy={busy || undefined}
        aria-describedby={hint ? `${id}-hint` : undefined}
        onChange={(event) => {
          setRequested(event.target.checked);
          onChange(event.target.checked);
        }}
        className="relative mt-0.5 h-6 w-11 shrink-0 cursor-pointer appearance-none rounded-full bg-slate-400 transition-colors dark:bg-slate-500 before:absolute before:top-0.5 before:left-0.5 before:size-5 before:rounded-full before:bg-white before:shadow before:transition-transform checked:bg-brand checked:before:translate-x-5 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand disabled:cursor-not-allowed disabled:opacity-60"
      />
      <div>
        <label htmlFor={id} className="text-sm font-medium text-slate-800 dark:text-slate-200">
          {label}
        </label>
        {hint && (
          <p id={`${id}-hint`} className="text-xs text-slate-600 dark:text-slate-300">
            {hint}
          </p>
        )}
      </div>
    </div>
  );
};
