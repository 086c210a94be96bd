import type { Executor } from "@tessera/db";
import { users } from "@tessera/db/schema";
import { DATE_FORMATS, type DateFormat } from "@tessera/domain";
import { eq } from "drizzle-orm";

interface DatePreferences {
  timeZone: string | null;
  dateFormat: DateFormat | null;
}

const isDateFormat = (value: string | null): value is DateFormat =>
  (DATE_FORMATS as readonly (string | null)[]).includes(value);

/** The zone and format the person chose; null where they follow their browser. */
export const datePreferences = async (executor: Executor, userId: string): Promise<DatePreferences> => {
  const [row] = await executor
    .select({ timeZone: users.timeZone, dateFormat: users.dateFormat })
    .from(users)
    .where(eq(users.id, userId));
  const dateFormat = row?.dateFormat ?? null;
  return { timeZone: row?.timeZone ?? null, dateFormat: isDateFormat(dateFormat) ? dateFormat : null };
};

/** Save both choices at once: the form sends the pair it previewed. */
export const setDatePreferences = async (
  executor: Executor,
  now: Date,
  userId: string,
  choice: DatePreferences,
): Promise<DatePreferences> => {
  await executor
    .update(users)
    .set({ timeZone: choice.timeZone, dateFormat: choice.dateFormat, updatedAt: now })
    .where(eq(users.id, userId));
  return datePreferences(executor, userId);
};
