/**
 * WCAG 2.x contrast between two sRGB colours given as `#rrggbb` or `#rgb`. AA asks 4.5:1 for normal
 * text (3:1 for large text).
 */
export const WCAG_AA_NORMAL_TEXT = 4.5;

const channel = (value: number): number => {
  const srgb = value / 255;
  return srgb <= 0.04045 ? srgb / 12.92 : ((srgb + 0.055) / 1.055) ** 2.4;
};

const relativeLuminance = (hex: string): number => {
  const digits = hex.slice(1);
  // `#rgb` is shorthand for `#rrggbb` (the editor may ask about one before it is normalised).
  const full = digits.length === 3 ? [...digits].map((digit) => digit + digit).join("") : digits;
  const value = Number.parseInt(full, 16);
  const red = (value >> 16) & 0xff;
  const green = (value >> 8) & 0xff;
  const blue = value & 0xff;
  return 0.2126 * channel(red) + 0.7152 * channel(green) + 0.0722 * channel(blue);
};

export const contrastRatio = (first: string, second: string): number => {
  const [lighter, darker] = [relativeLuminance(first), relativeLuminance(second)].sort((a, b) => b - a) as [
    number,
    number,
  ];
  return (lighter + 0.05) / (darker + 0.05);
};
