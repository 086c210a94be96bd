import { sql } from "drizzle-orm";
import {
  boolean,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { id, timestamps } from "./_columns.ts";
import { organizations } from "./organizations.ts";
import { users } from "./users.ts";

/** What a mail is about: people turn categories off, except SECURITY, which always goes. */
export const mailCategory = pgEnum("mail_category", ["SECURITY", "TEAM", "LICENSE", "USAGE", "SUPPORT"]);
export const mailStatus = pgEnum("mail_status", ["PENDING", "SENT", "SKIPPED", "DEAD"]);

/**
 * Mails to send, written in the transaction of the change that causes them (a rollback takes
 * the mail with it) and sent by the mail-delivery job, which renders the template with the
 * organisation's branding at send time.
 */
export const mailOutbox = pgTable(
  "mail_outbox",
  {
    id: id(),
    organizationId: uuid().references(() => organizations.id, { onDelete: "cascade" }),
    userId: uuid().references(() => users.id, { onDelete: "set null" }),
    toAddress: text().notNull(),
    category: mailCategory().notNull(),
    /** A key of MAIL_TEMPLATES, and the props it renders with. */
    template: text().notNull(),
    data: jsonb().$type<Record<string, unknown>>().notNull(),
    /** The same key queued twice is one mail (an alert, a reminder at one threshold). */
    dedupeKey: text(),
    status: mailStatus().notNull().default("PENDING"),
    attempts: integer().notNull().default(0),
    nextAttemptAt: timestamp({ withTimezone: true }).notNull(),
    leaseUntil: timestamp({ withTimezone: true }),
    leaseToken: uuid(),
    lastError: text(),
    /** As rendered for the last attempt. */
    subject: text(),
    html: text(),
    textBody: text(),
    messageId: text(),
    sentAt: timestamp({ withTimezone: true }),
    /** SHA-256 of the unsubscribe token in the mail's link (notifications only). */
    unsubscribeTokenHash: text(),
    ...timestamps,
  },
  (table) => [
    uniqueIndex("mail_outbox_dedupe_key_unique").on(table.dedupeKey),
    uniqueIndex("mail_outbox_unsubscribe_token_unique").on(table.unsubscribeTokenHash),
    index("mail_outbox_due").on(table.nextAttemptAt).where(sql`${table.status} = 'PENDING'`),
    index("mail_outbox_newest").on(table.createdAt),
  ],
);

/** Every try at sending a mail, with the SMTP server's answer. */
export const mailAttempts = pgTable(
  "mail_attempts",
  {
    id: id(),
    mailId: uuid()
      .notNull()
      .references(() => mailOutbox.id, { onDelete: "cascade" }),
    attempt: integer().notNull(),
    startedAt: timestamp({ withTimezone: true }).notNull(),
    durationMs: integer().notNull(),
    ok: boolean().notNull(),
    /** The server's reply (`250 OK …`) or the error it gave. */
    response: text(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [index("mail_attempts_by_mail").on(table.mailId, table.attempt)],
);

/** A person's choice per category; no row means on. */
export const mailPreferences = pgTable(
  "mail_preferences",
  {
    userId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    category: mailCategory().notNull(),
    email: boolean().notNull(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [primaryKey({ columns: [table.userId, table.category] })],
);
