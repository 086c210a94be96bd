import { z } from "zod";

export const CustomizationId = z.object({ customizationId: z.uuid() });
export type CustomizationId = z.input<typeof CustomizationId>;

/** The master switch: branding (and a verified domain's theming) shows only while on. */
export const EnableWhiteLabelInput = z.object({ enabled: z.boolean() });
export type EnableWhiteLabelInput = z.input<typeof EnableWhiteLabelInput>;
