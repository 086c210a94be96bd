import { z } from "zod";
import { textInput } from "../text-input.ts";

/** `#rgb` or `#rrggbb`, any case; stored as lower-case `#rrggbb`. */
export const HexColor = z
  .string()
  .trim()
  .regex(/^#(?:[0-9a-fA-F]{3}|[0-9a-fA-F]{6})$/, { message: "must be a hex colour such as #4f46e5" })
  .transform((value) => {
    const hex = value.toLowerCase();
    return hex.length === 4 ? `#${[...hex.slice(1)].map((digit) => digit + digit).join("")}` : hex;
  });

/** An absolute https URL (a logo someone else hosts must not downgrade the page to http). */
const HttpsUrl = textInput()
  .max(2048)
  .pipe(z.url({ protocol: /^https$/, hostname: z.regexes.domain, message: "must be an https:// URL" }));

export const BrandingInput = z
  .object({
    companyName: textInput().min(1, { message: "is required" }).max(100),
    /** A logo hosted elsewhere … */
    logoUrl: HttpsUrl.nullable().optional(),
    /** … or one uploaded with `uploadLogo`. */
    logoAssetId: z.uuid().nullable().optional(),
    primaryColor: HexColor,
    secondaryColor: HexColor,
    accentColor: HexColor,
  })
  .superRefine((input, ctx) => {
    if (input.logoUrl && input.logoAssetId) {
      ctx.addIssue({ code: "custom", path: ["logoUrl"], message: "give a logo URL or an upload, not both" });
    }
  });
export type BrandingInput = z.input<typeof BrandingInput>;
