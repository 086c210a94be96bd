import {
  type ComponentProps,
  cloneElement,
  lazy,
  type ReactElement,
  type ReactNode,
  Suspense,
  useState,
} from "react";

// The shell's overlays (Radix popover and dialog, floating-ui, scroll locking) and the toasts
// (sonner) are not needed to paint the first page: their code loads when first wanted, which
// keeps the initial JavaScript within its budget (apps/api/bench/spa-size.ts).

type UI = typeof import("./overlay-parts.ts");

interface OverlayProps {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  /** A button: before the first opening it gets the click that opens (and loads) the overlay. */
  trigger: ReactElement<{ onClick?: () => void }>;
}

/**
 * Until its first opening the overlay is only its trigger, a plain button; the click that
 * opens it loads its code (meanwhile the trigger stays on screen) and then shows `children`,
 * the overlay, open.
 */
const FirstOpening = ({ open, onOpenChange, trigger, children }: OverlayProps & { children: ReactNode }) => {
  const [wanted, setWanted] = useState(open);
  if (!wanted)
    return cloneElement(trigger, {
      onClick: () => {
        setWanted(true);
        onOpenChange(true);
      },
    });
  return <Suspense fallback={trigger}>{children}</Suspense>;
};

const load = () => import("./overlay-parts.ts");
const LazyPopover = lazy(() => load().then((ui) => ({ default: ui.Popover })));
const LazySheet = lazy(() => load().then((ui) => ({ default: ui.Sheet })));
const LazyToaster = lazy(() => load().then((ui) => ({ default: ui.Toaster })));

/** @tessera/ui's Popover, loaded on its first opening. */
export const Popover = (props: ComponentProps<UI["Popover"]> & OverlayProps) => (
  <FirstOpening {...props}>
    <LazyPopover {...props} />
  </FirstOpening>
);

/** @tessera/ui's Sheet, loaded on its first opening. */
export const Sheet = (props: ComponentProps<UI["Sheet"]> & OverlayProps) => (
  <FirstOpening {...props}>
    <LazySheet {...props} />
  </FirstOpening>
);

/** @tessera/ui's Toaster, loaded after the first paint (toasts only follow something the user did). */
export const Toaster = () => (
  <Suspense fallback={null}>
    <LazyToaster />
  </Suspense>
);
