import { z } from "zod";
import { DATE_FORMATS } from "./formats.ts";

/** Region/City names (and UTC): offsets such as "+01:00" are no zone a user picks. */
const ZONE_NAME = /^[A-Za-z][A-Za-z0-9_+-]*(\/[A-Za-z0-9_+-]+)*$/;

/** The IANA name the runtime knows for `zone`, spelled canonically; null when it knows none. */
export const canonicalTimeZone = (zone: string): string | null => {
  if (!ZONE_NAME.test(zone)) return null;
  try {
    return new Intl.DateTimeFormat("en-US", { timeZone: zone }).resolvedOptions().timeZone;
  } catch {
    return null;
  }
};

/**
 * A user's date preferences; null follows the browser (its zone, its locale's format), so a
 * user who never chose sees each device's own.
 */
export const DatePreferencesInput = z.object({
  timeZone: z
    .string()
    .max(64)
    .nullable()
    .transform((zone, context) => {
      if (zone === null) return null;
      const known = canonicalTimeZone(zone);
      if (!known)
        context.addIssue({ code: "custom", message: "must be a known IANA time zone, e.g. Europe/Berlin" });
      return known ?? zone;
    }),
  dateFormat: z.enum(DATE_FORMATS).nullable(),
});
export type DatePreferencesInput = z.input<typeof DatePreferencesInput>;
