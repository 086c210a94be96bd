import { contrastRatio, DEFAULT_BRANDING, WCAG_AA_NORMAL_TEXT } from "@tessera/domain";

export interface BrandColours {
  primaryColor: string;
  secondaryColor: string;
  accentColor: string;
}

export const TESSERA_COLOURS: BrandColours = {
  primaryColor: DEFAULT_BRANDING.primaryColor,
  secondaryColor: DEFAULT_BRANDING.secondaryColor,
  accentColor: DEFAULT_BRANDING.accentColor,
};

const WHITE = "#ffffff";
const BLACK = "#000000";

/** White text where it reaches WCAG AA on the colour, else black (one of the two always does). */
export const textColourOn = (background: string) =>
  contrastRatio(background, WHITE) >= WCAG_AA_NORMAL_TEXT ? WHITE : BLACK;

const channels = (hex: string) => {
  const value = Number.parseInt(hex.slice(1), 16);
  return [(value >> 16) & 0xff, (value >> 8) & 0xff, value & 0xff] as const;
};

/** `share` of `colour` mixed into `base` (sRGB), as `#rrggbb`. */
const mix = (base: string, colour: string, share: number) => {
  const [from, to] = [channels(base), channels(colour)];
  return `#${from
    .map((value, index) => Math.round(value + ((to[index] ?? value) - value) * share))
    .map((value) => value.toString(16).padStart(2, "0"))
    .join("")}`;
};

/**
 * The custom properties the stylesheet's brand colours read (see styles.css): the three
 * brand colours and, worked out here so every pairing stays readable whatever colours an
 * organisation picks, the text colour on each, a hover shade that moves away from the text
 * colour, and the colour for brand-coloured text on white.
 */
export const brandVariables = (colours: BrandColours): Record<`--${string}`, string> => {
  const onPrimary = textColourOn(colours.primaryColor);
  const primaryReadsOnWhite = contrastRatio(colours.primaryColor, WHITE) >= WCAG_AA_NORMAL_TEXT;
  const secondaryReadsOnWhite = contrastRatio(colours.secondaryColor, WHITE) >= WCAG_AA_NORMAL_TEXT;
  return {
    "--brand-primary": colours.primaryColor,
    "--brand-secondary": colours.secondaryColor,
    "--brand-accent": colours.accentColor,
    "--brand-on-primary": onPrimary,
    "--brand-on-secondary": textColourOn(colours.secondaryColor),
    "--brand-on-accent": textColourOn(colours.accentColor),
    "--brand-primary-hover": mix(colours.primaryColor, onPrimary === WHITE ? BLACK : WHITE, 0.15),
    "--brand-primary-text": primaryReadsOnWhite
      ? colours.primaryColor
      : secondaryReadsOnWhite
        ? colours.secondaryColor
        : BLACK,
  };
};
