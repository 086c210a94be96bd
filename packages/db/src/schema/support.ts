import { type SQL, sql } from "drizzle-orm";
import {
  type AnyPgColumn,
  bigint,
  boolean,
  index,
  integer,
  jsonb,
  pgEnum,
  pgSequence,
  pgTable,
  text,
  timestamp,
  unique,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { id, timestamps } from "./_columns.ts";
import { licenses } from "./licenses.ts";
import { organizations } from "./organizations.ts";
import { supportTeams } from "./support-teams.ts";
import { users } from "./users.ts";

export const ticketPriority = pgEnum("ticket_priority", ["LOW", "NORMAL", "HIGH", "CRITICAL"]);
export const ticketStatus = pgEnum("ticket_status", [
  "OPEN",
  "IN_PROGRESS",
  "WAITING_ON_CUSTOMER",
  "RESOLVED",
  "CLOSED",
]);

/**
 * The searchable text of a ticket (subject and description) and of a message, as the GIN
 * indexes below hold it: queries must use these very expressions for the planner to use the
 * index. `simple` (no stemming, no stop words) as tickets come in every language and quote
 * product names and error codes verbatim; prefix queries cover word endings.
 */
export const ticketSearchDocument = (table: { subject: AnyPgColumn; description: AnyPgColumn }): SQL =>
  sql`to_tsvector('simple', ${table.subject} || ' ' || ${table.description})`;
export const messageSearchDocument = (table: { body: AnyPgColumn }): SQL =>
  sql`to_tsvector('simple', ${table.body})`;

/** Ticket numbers (SUP-000123): unique under any concurrency; a rolled-back create leaves a gap. */
export const ticketNumberSequence = pgSequence("ticket_number_seq", { startWith: 1, increment: 1 });

export const tickets = pgTable(
  "tickets",
  {
    id: id(),
    number: bigint({ mode: "number" }).notNull().default(sql`nextval('ticket_number_seq')`),
    organizationId: uuid()
      .notNull()
      .references(() => organizations.id, { onDelete: "restrict" }),
    licenseId: uuid().references(() => licenses.id, { onDelete: "set null" }),
    subject: text().notNull(),
    description: text().notNull(),
    priority: ticketPriority().notNull(),
    status: ticketStatus().notNull().default("OPEN"),
    requesterUserId: uuid().references(() => users.id, { onDelete: "set null" }),
    /** `user:<email>` or `api-key:<prefix> (<key name>)`: who asked, readable after the user is gone. */
    requesterLabel: text().notNull(),
    assigneeId: uuid().references(() => users.id, { onDelete: "set null" }),
    assignedAt: timestamp({ withTimezone: true }),
    firstRespondedAt: timestamp({ withTimezone: true }),
    resolvedAt: timestamp({ withTimezone: true }),
    closedAt: timestamp({ withTimezone: true }),
    /** The resolution clock stands still from here while WAITING_ON_CUSTOMER. */
    waitingSince: timestamp({ withTimezone: true }),
    /** Total time already spent waiting on the customer. */
    pausedMs: bigint({ mode: "number" }).notNull().default(0),
    /**
     * The finished waits as ISO instants, so business hours can measure them; `pausedMs` not
     * covered here (tickets older than the list) counts as one wait from creation.
     */
    pauseSpans: jsonb().$type<{ from: string; to: string }[]>().notNull().default([]),
    /** The team whose calendar the SLA follows; null: the default team. */
    teamId: uuid().references(() => supportTeams.id, { onDelete: "set null" }),
    /** The tier cap that applied at creation (CUSTOM's configured value), for the SLA. */
    responseCapHours: integer(),
    tier: text(),
    /** Due times as of the last change, for sorting and breach queries. */
    responseDueAt: timestamp({ withTimezone: true }).notNull(),
    resolutionDueAt: timestamp({ withTimezone: true }),
    version: integer().notNull().default(1),
    ...timestamps,
  },
  (table) => [
    uniqueIndex("tickets_number_unique").on(table.number),
    index("tickets_by_organization_time").on(table.organizationId, table.createdAt),
    index("tickets_open_by_assignee").on(table.assigneeId, table.status),
    index("tickets_open_by_response_due")
      .on(table.responseDueAt)
      .where(
        sql`${table.firstRespondedAt} is null and ${table.status} in ('OPEN','IN_PROGRESS','WAITING_ON_CUSTOMER')`,
      ),
    index("tickets_search").using("gin", ticketSearchDocument(table)),
  ],
);

export const ticketAuthorKind = pgEnum("ticket_author_kind", ["STAFF", "CUSTOMER", "SYSTEM"]);

/** The thread: public replies from either side and staff-only internal notes. */
export const ticketMessages = pgTable(
  "ticket_messages",
  {
    id: id(),
    ticketId: uuid()
      .notNull()
      .references(() => tickets.id, { onDelete: "cascade" }),
    authorUserId: uuid().references(() => users.id, { onDelete: "set null" }),
    authorKind: ticketAuthorKind().notNull(),
    authorLabel: text().notNull(),
    body: text().notNull(),
    internal: boolean().notNull().default(false),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    index("ticket_messages_by_ticket").on(table.ticketId, table.createdAt),
    index("ticket_messages_search").using("gin", messageSearchDocument(table)),
  ],
);

/** SLA events: each clock's breach (and at-risk warning) is recorded once per ticket. */
export const ticketSlaEvents = pgTable(
  "ticket_sla_events",
  {
    id: id(),
    ticketId: uuid()
      .notNull()
      .references(() => tickets.id, { onDelete: "cascade" }),
    organizationId: uuid().notNull(),
    clock: text().notNull(),
    kind: text().notNull(),
    dueAt: timestamp({ withTimezone: true }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [unique("ticket_sla_events_once").on(table.ticketId, table.clock, table.kind)],
);

/** Notices for staff shown in the console (e.g. a CRITICAL ticket for every admin). */
export const notifications = pgTable(
  "notifications",
  {
    id: id(),
    userId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    kind: text().notNull(),
    title: text().notNull(),
    link: text(),
    readAt: timestamp({ withTimezone: true }),
    ...timestamps,
  },
  (table) => [index("notifications_unread_by_user").on(table.userId, table.createdAt)],
);
