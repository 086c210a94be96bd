import type { CSSProperties } from "react";
import { useMe } from "../../auth/session.tsx";
import { BrandMark } from "../../components/brand-mark.tsx";
import { type BrandColours, brandVariables } from "../../theme/brand-colours.ts";

const MOCK_NAV = ["Organisation", "License", "Usage", "Tickets"];

/** A button's look without being one: the preview shows, it does not act. */
const MockButton = ({ children }: { children: string }) => (
  <span className="inline-flex items-center justify-center rounded-md bg-brand px-3 py-2 text-sm font-medium text-on-brand shadow-sm">
    {children}
  </span>
);

/**
 * The portal's header (with whoever is signed in), a page and the sign-in card in the colours
 * being edited, before they are saved: the brand variables are set on this frame only, so the
 * same classes the portal uses pick them up here. `--brand-ink` is derived again here as in
 * styles.css: a variable built from others is resolved where it is declared, so the root's
 * value would keep Tessera's primary on the active tab.
 */
export const BrandingPreview = ({
  colours,
  companyName,
  logoSrc,
}: {
  colours: BrandColours;
  companyName: string;
  logoSrc: string | null;
}) => {
  const me = useMe();
  return (
    <figure
      aria-label="Live preview"
      data-testid="branding-preview"
      style={brandVariables(colours) as CSSProperties}
      className="overflow-hidden rounded-lg border border-line bg-surface-muted [--brand-ink:var(--brand-primary-text)] dark:[--brand-ink:color-mix(in_srgb,var(--brand-primary)_35%,#ffffff)]"
    >
      <div className="bg-brand-secondary text-on-brand-secondary">
        <div className="flex items-center justify-between gap-3 px-4 py-2">
          <div className="flex min-w-0 items-center gap-3">
            <BrandMark companyName={companyName || "Company name"} logoSrc={logoSrc} />
            <span className="rounded-full bg-white px-2 py-0.5 text-xs font-medium text-slate-700">
              Customer portal
            </span>
          </div>
          {me.data && <span className="truncate text-sm font-medium">{me.data.name}</span>}
        </div>
      </div>
      <div className="h-1 bg-brand-accent" />
      <div className="flex gap-1 border-b border-line bg-surface px-4 pt-1 text-sm font-medium">
        {MOCK_NAV.map((item, index) => (
          <span
            key={item}
            className={
              index === 0
                ? "border-b-2 border-brand px-2 py-1.5 text-brand-ink"
                : "border-b-2 border-transparent px-2 py-1.5 text-fg-muted"
            }
          >
            {item}
          </span>
        ))}
      </div>
      <div className="grid gap-4 p-4 sm:grid-cols-2">
        <div className="space-y-3 rounded-lg border border-line bg-surface p-4">
          <p className="font-semibold text-fg">Your license</p>
          <p className="text-sm text-fg-muted">Buttons and the active tab use the primary colour.</p>
          <div className="flex flex-wrap items-center gap-2">
            <MockButton>Primary action</MockButton>
            <span className="rounded-full bg-brand-accent px-2 py-0.5 text-xs font-medium text-on-brand-accent">
              Accent
            </span>
          </div>
        </div>
        <div className="space-y-3 rounded-lg border border-line bg-surface p-4">
          <div className="text-brand-ink">
            <BrandMark companyName={companyName || "Company name"} logoSrc={logoSrc} />
          </div>
          <p className="font-semibold text-fg">Sign-in page</p>
          <div className="h-8 rounded-md border border-line-strong bg-surface" />
          <div className="h-8 rounded-md border border-line-strong bg-surface" />
          <div className="flex">
            <MockButton>Continue</MockButton>
          </div>
        </div>
      </div>
      <figcaption className="border-t border-line bg-surface px-4 py-2 text-xs text-fg-muted">
        Live preview of the colours above, before saving. Text on a colour switches to black where white would
        be hard to read.
      </figcaption>
    </figure>
  );
};
