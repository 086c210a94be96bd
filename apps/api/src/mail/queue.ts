import type { Executor } from "@tessera/db";
import { mailOutbox, mailPreferences } from "@tessera/db/schema";
import { type MailCategory, mailWanted } from "@tessera/domain";
import { and, eq, inArray } from "drizzle-orm";
import type { MailData, MailTemplateName } from "./templates/index.ts";

export interface Recipient {
  email: string;
  /** Our user, when the mail goes to one: their preferences apply and they can unsubscribe. */
  userId?: string | null;
}

interface MailToQueue<Name extends MailTemplateName> {
  template: Name;
  data: MailData<Name>;
  to: Recipient[];
  /** Whose branding the mail wears, and whose mail it is. */
  organizationId: string | null;
  category: MailCategory;
  /**
   * Makes the mail happen once per recipient however often it is queued (an alert at a
   * threshold, a reminder at a day): the recipient's address is appended.
   */
  dedupeKey?: string;
}

/** The recipients' saved choices for one category. */
const choices = async (executor: Executor, category: MailCategory, userIds: string[]) => {
  if (userIds.length === 0) return new Map<string, boolean>();
  const rows = await executor
    .select({ userId: mailPreferences.userId, email: mailPreferences.email })
    .from(mailPreferences)
    .where(and(eq(mailPreferences.category, category), inArray(mailPreferences.userId, userIds)));
  return new Map(rows.map((row) => [row.userId, row.email]));
};

/**
 * Put a mail in the outbox inside the caller's transaction, one row per recipient who wants
 * this category (security mails go regardless). The mail-delivery job renders and sends it.
 * Never calls the network: a rollback takes the mail with it.
 */
export const queueMail = async <Name extends MailTemplateName>(
  executor: Executor,
  now: Date,
  mail: MailToQueue<Name>,
): Promise<number> => {
  const unique = [
    ...new Map(mail.to.map((recipient) => [recipient.email.toLowerCase(), recipient])).values(),
  ];
  const saved = await choices(
    executor,
    mail.category,
    unique.flatMap((recipient) => (recipient.userId ? [recipient.userId] : [])),
  );
  const wanted = unique.filter((recipient) =>
    mailWanted(mail.category, recipient.userId ? saved.get(recipient.userId) : undefined),
  );
  if (wanted.length === 0) return 0;
  const queued = await executor
    .insert(mailOutbox)
    .values(
      wanted.map((recipient) => ({
        organizationId: mail.organizationId,
        userId: recipient.userId ?? null,
        toAddress: recipient.email,
        category: mail.category,
        template: mail.template,
        data: mail.data as unknown as Record<string, unknown>,
        dedupeKey: mail.dedupeKey ? `${mail.dedupeKey}:${recipient.email.toLowerCase()}` : null,
        nextAttemptAt: now,
        createdAt: now,
        updatedAt: now,
      })),
    )
    .onConflictDoNothing({ target: mailOutbox.dedupeKey })
    .returning({ id: mailOutbox.id });
  return queued.length;
};
