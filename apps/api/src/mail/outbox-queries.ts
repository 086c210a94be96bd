import { mailAttempts, mailOutbox } from "@tessera/db/schema";
import { DomainError, pageOffset, type SentMailFilter, toPage } from "@tessera/domain";
import { and, asc, count, desc, eq, ilike, type SQL } from "drizzle-orm";
import type { z } from "zod";
import type { ServiceContext } from "../context.ts";

type Filter = z.output<typeof SentMailFilter>;

/** What a list row shows; never the unsubscribe token's hash or the sender's lease. */
const listed = {
  id: mailOutbox.id,
  toAddress: mailOutbox.toAddress,
  category: mailOutbox.category,
  template: mailOutbox.template,
  subject: mailOutbox.subject,
  status: mailOutbox.status,
  attempts: mailOutbox.attempts,
  lastError: mailOutbox.lastError,
  sentAt: mailOutbox.sentAt,
  createdAt: mailOutbox.createdAt,
};

const filterOf = (filter: Filter): SQL | undefined => {
  const conditions: SQL[] = [];
  if (filter.status) conditions.push(eq(mailOutbox.status, filter.status));
  if (filter.recipient) {
    const escaped = filter.recipient.replace(/[\\%_]/g, (char) => `\\${char}`);
    conditions.push(ilike(mailOutbox.toAddress, `%${escaped}%`));
  }
  return conditions.length ? and(...conditions) : undefined;
};

/** The outbox, newest first, for staff admins: every mail queued, whatever became of it. */
export const listSentMail = async (ctx: ServiceContext, filter: Filter) => {
  const where = filterOf(filter);
  const [items, totals] = await Promise.all([
    ctx.db
      .select(listed)
      .from(mailOutbox)
      .where(where)
      .orderBy(desc(mailOutbox.createdAt), desc(mailOutbox.id))
      .limit(filter.pageSize)
      .offset(pageOffset(filter.page, filter.pageSize)),
    ctx.db.select({ total: count() }).from(mailOutbox).where(where),
  ]);
  return toPage(items, totals[0]?.total ?? 0, filter.page, filter.pageSize);
};

/** One mail as it was rendered for its last attempt, with every attempt and the server's answers. */
export const getSentMail = async (ctx: ServiceContext, id: string) => {
  const [mail] = await ctx.db
    .select({ ...listed, html: mailOutbox.html, text: mailOutbox.textBody, messageId: mailOutbox.messageId })
    .from(mailOutbox)
    .where(eq(mailOutbox.id, id));
  if (!mail) throw new DomainError("NOT_FOUND", "Mail not found", { field: "id" });
  const attempts = await ctx.db
    .select({
      attempt: mailAttempts.attempt,
      startedAt: mailAttempts.startedAt,
      durationMs: mailAttempts.durationMs,
      ok: mailAttempts.ok,
      response: mailAttempts.response,
    })
    .from(mailAttempts)
    .where(eq(mailAttempts.mailId, id))
    .orderBy(asc(mailAttempts.attempt));
  return { ...mail, attempts };
};
