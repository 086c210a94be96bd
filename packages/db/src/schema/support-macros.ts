import { index, pgEnum, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { id, timestamps } from "./_columns.ts";
import { organizations } from "./organizations.ts";
import { ticketPriority, ticketStatus, tickets } from "./support.ts";
import { users } from "./users.ts";

/** Canned replies: a body with `{{placeholders}}`, and optionally a status and priority to set. */
export const supportMacros = pgTable(
  "support_macros",
  {
    id: id(),
    title: text().notNull(),
    body: text().notNull(),
    setStatus: ticketStatus(),
    setPriority: ticketPriority(),
    createdBy: uuid().references(() => users.id, { onDelete: "set null" }),
    /** Archived macros stay for the audit trail but are no longer listed or applied. */
    archivedAt: timestamp({ withTimezone: true }),
    ...timestamps,
  },
  (table) => [index("support_macros_by_title").on(table.title)],
);

export const satisfactionRating = pgEnum("satisfaction_rating", ["GOOD", "BAD"]);

/** The requester's rating of a resolved ticket: one per ticket, changed in place until it is closed. */
export const ticketSatisfaction = pgTable(
  "ticket_satisfaction",
  {
    id: id(),
    ticketId: uuid()
      .notNull()
      .references(() => tickets.id, { onDelete: "cascade" }),
    organizationId: uuid()
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    rating: satisfactionRating().notNull(),
    comment: text(),
    ratedBy: uuid().references(() => users.id, { onDelete: "set null" }),
    ...timestamps,
  },
  (table) => [
    uniqueIndex("ticket_satisfaction_one_per_ticket").on(table.ticketId),
    index("ticket_satisfaction_by_rated_at").on(table.updatedAt),
  ],
);

/** A resolution mail's rating link: its token's SHA-256, for one ticket and one user, until it expires. */
export const satisfactionLinks = pgTable(
  "satisfaction_links",
  {
    tokenHash: text().primaryKey(),
    ticketId: uuid()
      .notNull()
      .references(() => tickets.id, { onDelete: "cascade" }),
    userId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    expiresAt: timestamp({ withTimezone: true }).notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [index("satisfaction_links_by_expiry").on(table.expiresAt)],
);
