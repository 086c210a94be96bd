import { DomainError } from "@tessera/domain";
import type { AppDeps } from "../context.ts";
import { verifyPassword } from "./password.ts";

/**
 * A check of something the user knows (password, TOTP or recovery code), throttled like
 * sign-in by `loginLimiter` on the user's email: the attempt is counted before `check` runs,
 * refunded when it passes, and a failure waits longer and ends in `refusal`.
 */
export const throttledCheck = async <T>(
  deps: Pick<AppDeps, "loginLimiter">,
  who: { email: string; ip: string | null },
  check: () => Promise<T | null | false>,
  refusal: () => DomainError,
): Promise<T> => {
  const attempt = await deps.loginLimiter.begin(who.email.toLowerCase(), who.ip);
  const result = await check();
  if (result === null || result === false) {
    await attempt.failed();
    throw refusal();
  }
  await attempt.succeeded();
  return result;
};

/** The user's current password, throttled; a wrong one is INVALID_CREDENTIALS on `field`. */
export const assertCurrentPassword = async (
  deps: Pick<AppDeps, "loginLimiter">,
  user: { email: string; passwordHash: string },
  ip: string | null,
  password: string,
  field: string,
): Promise<void> => {
  await throttledCheck(
    deps,
    { email: user.email, ip },
    () => verifyPassword(password, user.passwordHash),
    () => new DomainError("INVALID_CREDENTIALS", `${field} is incorrect`, { field }),
  );
};

/** A code that does not work, named on `code`. */
export const invalidCode = (): DomainError =>
  new DomainError("MFA_CODE_INVALID", "That code is not right, or was already used", { field: "code" });
