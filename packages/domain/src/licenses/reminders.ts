import { z } from "zod";

const DAY_MS = 86_400_000;

/** Expiry reminder points of a license unless staff choose others, in days before expiry. */
export const DEFAULT_REMINDER_DAYS = [30, 7, 1] as const;
/** The furthest a reminder point reaches before expiry: the sweep looks this far ahead. */
export const MAX_REMINDER_DAYS = 120;

/** A license's reminder points: 1–5 distinct whole days, each 1–120 before expiry. */
export const ReminderDays = z
  .array(
    z
      .number()
      .int({ message: "must be a whole number of days" })
      .min(1, { message: "must be at least 1 day" })
      .max(MAX_REMINDER_DAYS, { message: `must be at most ${MAX_REMINDER_DAYS} days` }),
  )
  .min(1, { message: "must hold at least 1 reminder point" })
  .max(5, { message: "must hold at most 5 reminder points" })
  .refine((days) => new Set(days).size === days.length, { message: "must not repeat a day" })
  // Stored furthest first, as they fire.
  .transform((days) => [...days].sort((a, b) => b - a));

/**
 * The reminder due at `now` for a license expiring at `expiresAt` with reminder points
 * `points`: the nearest point already reached (6 days left with [30, 7, 1]: the 7-day one).
 * A point skipped while the sweep was down is not sent late once a nearer one is due; the
 * database records each (license, expiry, point) once.
 */
export const dueReminder = (expiresAt: Date, now: Date, points: readonly number[]): number | null => {
  const remainingMs = expiresAt.getTime() - now.getTime();
  if (remainingMs <= 0) return null;
  const reached = points.filter((days) => remainingMs <= days * DAY_MS);
  return reached.length ? Math.min(...reached) : null;
};
