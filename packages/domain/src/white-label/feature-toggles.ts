import { z } from "zod";
import { textInput } from "../text-input.ts";

export const FEATURE_TOGGLE_LIMIT = 200;

export const FeatureToggleKey = z
  .string()
  .trim()
  .regex(/^[a-z][a-z0-9_.-]{0,63}$/, {
    message: "must start with a letter and hold lower-case letters, digits, '.', '_' or '-' (at most 64)",
  });

export const SetFeatureToggleInput = z.object({
  key: FeatureToggleKey,
  enabled: z.boolean(),
  description: textInput().max(200).optional(),
});
export type SetFeatureToggleInput = z.input<typeof SetFeatureToggleInput>;

/** What a FEATURE record holds; its key is the flag's name. */
export interface FeatureToggle {
  enabled: boolean;
  description: string | null;
}
