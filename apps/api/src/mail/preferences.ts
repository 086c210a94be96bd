import type { Executor } from "@tessera/db";
import { mailPreferences } from "@tessera/db/schema";
import { MAIL_CATEGORIES, type MailCategory, mailWanted } from "@tessera/domain";
import { eq } from "drizzle-orm";

/** Every category with whether this person gets it by email; SECURITY is on and locked. */
export const notificationPreferences = async (executor: Executor, userId: string) => {
  const saved = await executor
    .select({ category: mailPreferences.category, email: mailPreferences.email })
    .from(mailPreferences)
    .where(eq(mailPreferences.userId, userId));
  const choice = new Map(saved.map((row) => [row.category, row.email]));
  return MAIL_CATEGORIES.map((category) => ({
    category,
    email: mailWanted(category, choice.get(category)),
    locked: category === "SECURITY",
  }));
};

/** Save one choice, the last write winning (one upsert: two tabs cannot both insert). */
export const setNotificationPreference = async (
  executor: Executor,
  now: Date,
  userId: string,
  choice: { category: Exclude<MailCategory, "SECURITY">; email: boolean },
) => {
  await executor
    .insert(mailPreferences)
    .values({ userId, category: choice.category, email: choice.email, updatedAt: now })
    .onConflictDoUpdate({
      target: [mailPreferences.userId, mailPreferences.category],
      set: { email: choice.email, updatedAt: now },
    });
};
