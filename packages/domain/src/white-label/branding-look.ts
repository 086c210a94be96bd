import { contrastRatio, WCAG_AA_NORMAL_TEXT } from "./contrast.ts";

// Apart from the input schemas (branding.ts): the SPA's first load themes the page with these,
// and stays free of zod.

/** What a BRANDING record holds. */
export type Branding = {
  companyName: string;
  logoUrl: string | null;
  logoAssetId: string | null;
  primaryColor: string;
  secondaryColor: string;
  accentColor: string;
};

/** Tessera's own look: what an organisation without branding (or with it switched off) gets. */
export const DEFAULT_BRANDING: Branding = {
  companyName: "Tessera",
  logoUrl: null,
  logoAssetId: null,
  primaryColor: "#4f46e5",
  secondaryColor: "#1e1b4b",
  accentColor: "#f59e0b",
};

export interface BrandingWarning {
  field: "primaryColor" | "secondaryColor";
  code: "LOW_CONTRAST";
  ratio: number;
  message: string;
}

/**
 * White text sits on the primary colour (buttons, links' backgrounds) and on the secondary
 * colour (the header): warn when either is below WCAG AA for normal text.
 */
export const brandingWarnings = (
  branding: Pick<Branding, "primaryColor" | "secondaryColor">,
): BrandingWarning[] => {
  const warnings: BrandingWarning[] = [];
  for (const field of ["primaryColor", "secondaryColor"] as const) {
    const ratio = Math.round(contrastRatio(branding[field], "#ffffff") * 100) / 100;
    if (ratio < WCAG_AA_NORMAL_TEXT) {
      warnings.push({
        field,
        code: "LOW_CONTRAST",
        ratio,
        message: `White text on ${branding[field]} has contrast ${ratio}:1, below the WCAG AA minimum of ${WCAG_AA_NORMAL_TEXT}:1`,
      });
    }
  }
  return warnings;
};

/** The CSS custom properties the SPA themes itself with (set on the document root). */
export const brandingCssVariables = (
  branding: Pick<Branding, "primaryColor" | "secondaryColor" | "accentColor">,
) => ({
  "--brand-primary": branding.primaryColor,
  "--brand-secondary": branding.secondaryColor,
  "--brand-accent": branding.accentColor,
});
