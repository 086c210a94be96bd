import { z } from "zod";

/** Offline tokens are short-lived, as Keygen's license files are: the platform refreshes them. */
export const DEFAULT_TOKEN_TTL_DAYS = 30;
const MAX_TOKEN_TTL_DAYS = 365;

export const TokenTtlDays = z
  .number()
  .int({ message: "must be a whole number of days" })
  .min(1, { message: "must be at least 1 day" })
  .max(MAX_TOKEN_TTL_DAYS, { message: `must be at most ${MAX_TOKEN_TTL_DAYS} days` });

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * When an offline token issued at `now` expires: `ttlDays` later, but never after the license
 * itself expires, so a suspended or cancelled license stops verifying offline within the TTL.
 */
export const licenseTokenExpiry = (licenseExpiresAt: Date, ttlDays: number, now: Date): Date =>
  new Date(Math.min(now.getTime() + ttlDays * DAY_MS, licenseExpiresAt.getTime()));
