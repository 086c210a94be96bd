import { z } from "zod";
import { textInput } from "../text-input.ts";

/** Emails compare case-insensitively: they are trimmed and lower-cased on the way in. */
export const Email = z
  .string()
  .trim()
  .max(254)
  .pipe(z.email({ message: "must be a valid email address" }))
  .transform((email) => email.toLowerCase());

const PASSWORD_MIN_LENGTH = 10;
export const Password = z
  .string()
  .min(PASSWORD_MIN_LENGTH, { message: `must be at least ${PASSWORD_MIN_LENGTH} characters` })
  .max(200);

export const PersonName = textInput().min(1, { message: "is required" }).max(120);

export const SignInInput = z.object({
  email: Email,
  password: z.string().min(1, { message: "is required" }).max(200),
});
export type SignInInput = z.input<typeof SignInInput>;
