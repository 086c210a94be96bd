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

/** A 6-digit code from an authenticator app; spaces (as some apps show it) are dropped. */
export const TotpCode = z
  .string()
  .transform((code) => code.replace(/\s+/g, ""))
  .pipe(z.string().regex(/^\d{6}$/, { message: "must be the 6-digit code from your authenticator app" }));

/** The second step of a sign-in: the challenge from `auth.signIn` and a TOTP or recovery code. */
export const VerifyMfaInput = z.object({
  challenge: z.string().min(1, { message: "is required" }).max(200),
  code: z.string().trim().min(1, { message: "is required" }).max(64),
});

export const ConfirmMfaEnrolmentInput = z.object({ code: TotpCode });
export const RegenerateRecoveryCodesInput = z.object({ code: TotpCode });
export const DisableMfaInput = z.object({
  password: z.string().min(1, { message: "is required" }).max(200),
});
export const SetOrganizationMfaRequirementInput = z.object({ required: z.boolean() });

export const SessionId = z.object({ sessionId: z.uuid({ message: "must be a session id" }) });
export const RevokeUserSessionsInput = z.object({ userId: z.uuid() });

export const ChangePasswordInput = z.object({
  currentPassword: z.string().min(1, { message: "is required" }).max(200),
  newPassword: Password,
});
export type ChangePasswordInput = z.input<typeof ChangePasswordInput>;
