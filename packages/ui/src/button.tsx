import { LoaderCircle } from "lucide-react";
import { Slot } from "radix-ui";
import type { ButtonHTMLAttributes } from "react";
import { cx, FOCUS_RING } from "./class-names.ts";

/** A turning circle for work in progress; decorative: the words beside it say what is happening. */
export const Spinner = ({ className }: { className?: string }) => (
  <LoaderCircle className={cx("size-4 shrink-0 animate-spin", className)} aria-hidden />
);

type Variant = "primary" | "secondary" | "danger" | "ghost";

const VARIANTS: Record<Variant, string> = {
  primary: "bg-brand text-on-brand shadow-sm hover:bg-brand-hover focus-visible:outline-brand",
  secondary: "border border-line-strong bg-surface text-fg shadow-sm hover:bg-surface-muted",
  danger: "bg-danger text-white shadow-sm hover:bg-danger-hover focus-visible:outline-danger",
  ghost: "text-fg hover:bg-surface-muted",
};

/** The classes of a button of this variant (a button, or the element `asChild` styles). */
const buttonClasses = (variant: Variant = "primary", className?: string) =>
  cx(
    "inline-flex items-center justify-center gap-2 whitespace-nowrap rounded-md px-3 py-2 text-sm font-medium disabled:cursor-not-allowed disabled:opacity-60",
    FOCUS_RING,
    VARIANTS[variant],
    className,
  );

/**
 * A button. `busy` disables it and shows a spinner; `asChild` lends the looks to the one child
 * instead (a router link that reads as a button: `<Button asChild><Link …/></Button>`).
 */
export const Button = ({
  variant = "primary",
  busy = false,
  asChild = false,
  className,
  children,
  ...props
}: ButtonHTMLAttributes<HTMLButtonElement> & { variant?: Variant; busy?: boolean; asChild?: boolean }) => {
  if (asChild)
    return (
      <Slot.Root {...props} className={buttonClasses(variant, className)}>
        {children}
      </Slot.Root>
    );
  return (
    <button
      type="button"
      {...props}
      disabled={props.disabled || busy}
      aria-busy={busy || undefined}
      className={buttonClasses(variant, className)}
    >
      {busy && <Spinner />}
      {children}
    </button>
  );
};
