import { z } from "zod";
import { textInput } from "../text-input.ts";

export const CreateScimTokenInput = z.object({
  name: textInput().min(1, { message: "is required" }).max(100),
});
export type CreateScimTokenInput = z.input<typeof CreateScimTokenInput>;

export const ScimTokenId = z.object({ scimTokenId: z.uuid() });
export type ScimTokenId = z.input<typeof ScimTokenId>;
