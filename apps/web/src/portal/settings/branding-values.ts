import { HexColor } from "@tessera/domain";
import { type BrandColours, TESSERA_COLOURS } from "../../theme/brand-colours.ts";
import { type LogoChoice, NO_LOGO } from "./logo-picker.tsx";
import type { WhiteLabelConfig } from "./white-label-data.ts";

export type BrandingState = WhiteLabelConfig["branding"];

/** The branding form's values: flat, so each of the schema's messages lands on its own field. */
export interface BrandingValues extends BrandColours, LogoChoice {
  companyName: string;
}

export const valuesOf = (branding: BrandingState, organizationName: string): BrandingValues => {
  const saved = branding.saved;
  if (!saved) return { companyName: organizationName, ...NO_LOGO, ...TESSERA_COLOURS };
  return {
    companyName: saved.companyName,
    primaryColor: saved.primaryColor,
    secondaryColor: saved.secondaryColor,
    accentColor: saved.accentColor,
    ...(saved.logoAssetId
      ? { logoUrl: "", logoAssetId: saved.logoAssetId, uploadedSrc: saved.logoSrc }
      : { ...NO_LOGO, logoUrl: saved.logoUrl ?? "" }),
  };
};

/** What the form sends: an upload wins over a link, and an empty link is no logo. */
export const inputOf = (values: BrandingValues) => {
  const logoUrl = values.logoUrl.trim();
  return {
    companyName: values.companyName,
    logoUrl: values.logoAssetId || logoUrl === "" ? null : logoUrl,
    logoAssetId: values.logoAssetId,
    primaryColor: values.primaryColor,
    secondaryColor: values.secondaryColor,
    accentColor: values.accentColor,
  };
};

/** A colour as the API will store it (`#rrggbb`), or null while what is typed is not one. */
const hexOrNull = (value: string) => {
  const parsed = HexColor.safeParse(value);
  return parsed.success ? parsed.data : null;
};

/** The colours the preview wears: what is typed once it is a colour, else what shows now. */
export const previewColours = (values: BrandColours, effective: BrandColours): BrandColours => ({
  primaryColor: hexOrNull(values.primaryColor) ?? effective.primaryColor,
  secondaryColor: hexOrNull(values.secondaryColor) ?? effective.secondaryColor,
  accentColor: hexOrNull(values.accentColor) ?? effective.accentColor,
});
