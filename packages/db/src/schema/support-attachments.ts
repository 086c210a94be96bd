import { sql } from "drizzle-orm";
import { customType, index, integer, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { organizations } from "./organizations.ts";
import { ticketMessages, tickets } from "./support.ts";
import { users } from "./users.ts";

/** bytea; the API's store sends and reads it as base64 text (see attachment-store.ts). */
const bytea = customType<{ data: Buffer }>({ dataType: () => "bytea" });

/**
 * Files on ticket messages. An upload starts unattached (ticket null); a reply or a new
 * ticket takes it (message null: the ticket's description). The bytes live apart, in
 * `ticket_attachments_content`, so listing a thread never reads them.
 */
export const ticketAttachments = pgTable(
  "ticket_attachments",
  {
    id: uuid().primaryKey().defaultRandom(),
    ticketId: uuid().references(() => tickets.id, { onDelete: "cascade" }),
    messageId: uuid().references(() => ticketMessages.id, { onDelete: "cascade" }),
    /** The uploader's organisation; null for a staff upload until a ticket takes it. */
    organizationId: uuid().references(() => organizations.id, { onDelete: "cascade" }),
    filename: text().notNull(),
    /** Read from the bytes, never the browser's word. */
    contentType: text().notNull(),
    sizeBytes: integer().notNull(),
    sha256: text().notNull(),
    uploadedBy: uuid().references(() => users.id, { onDelete: "set null" }),
    attachedAt: timestamp({ withTimezone: true }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    index("ticket_attachments_by_ticket").on(table.ticketId),
    index("ticket_attachments_pending_by_uploader")
      .on(table.uploadedBy, table.createdAt)
      .where(sql`${table.ticketId} is null`),
    index("ticket_attachments_orphans_by_time").on(table.createdAt).where(sql`${table.ticketId} is null`),
  ],
);

/** The bytes of each attachment (`AttachmentStore`'s database implementation). */
export const ticketAttachmentsContent = pgTable("ticket_attachments_content", {
  attachmentId: uuid()
    .primaryKey()
    .references(() => ticketAttachments.id, { onDelete: "cascade" }),
  bytes: bytea().notNull(),
});
