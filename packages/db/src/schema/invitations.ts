import { sql } from "drizzle-orm";
import { index, pgEnum, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { id, timestamps } from "./_columns.ts";
import { organizations } from "./organizations.ts";
import { userKind, userRole, users } from "./users.ts";

/** Whether an invitation makes a staff user (no organisation) or a customer one. */
export const invitationKind = pgEnum("invitation_kind", userKind.enumValues);

/**
 * An invitation to make an account: the invitee follows the mailed one-time link, chooses a
 * name and a password, and becomes a user with `role`. Only the token's SHA-256 is stored.
 */
export const invitations = pgTable(
  "invitations",
  {
    id: id(),
    kind: invitationKind().notNull(),
    organizationId: uuid().references(() => organizations.id, { onDelete: "cascade" }),
    /** Lower-cased. */
    email: text().notNull(),
    name: text(),
    role: userRole().notNull(),
    tokenHash: text().notNull(),
    invitedBy: uuid().references(() => users.id, { onDelete: "set null" }),
    expiresAt: timestamp({ withTimezone: true }).notNull(),
    acceptedAt: timestamp({ withTimezone: true }),
    revokedAt: timestamp({ withTimezone: true }),
    ...timestamps,
  },
  (table) => [
    uniqueIndex("invitations_token_hash_unique").on(table.tokenHash),
    // One open invitation per address and team (staff's team: organisation null, folded to
    // the nil uuid). An expired one still holds its place: inviting again replaces it.
    uniqueIndex("invitations_open_per_team")
      .on(sql`coalesce(${table.organizationId}, '00000000-0000-0000-0000-000000000000'::uuid)`, table.email)
      .where(sql`${table.acceptedAt} is null and ${table.revokedAt} is null`),
    index("invitations_by_organization").on(table.organizationId, table.createdAt),
  ],
);

/**
 * A password reset asked for. Every request writes one row, known address or not (userId null
 * then), so both answers cost the same; only a row with a user can be redeemed, once, within 1 h.
 */
export const passwordResets = pgTable(
  "password_resets",
  {
    id: id(),
    tokenHash: text().notNull(),
    userId: uuid().references(() => users.id, { onDelete: "cascade" }),
    expiresAt: timestamp({ withTimezone: true }).notNull(),
    usedAt: timestamp({ withTimezone: true }),
    ...timestamps,
  },
  (table) => [
    uniqueIndex("password_resets_token_hash_unique").on(table.tokenHash),
    index("password_resets_by_user").on(table.userId),
  ],
);
