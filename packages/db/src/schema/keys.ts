import { sql } from "drizzle-orm";
import { index, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { id, timestamps } from "./_columns.ts";
import { organizations } from "./organizations.ts";
import { users } from "./users.ts";

/**
 * Bearer API keys. With an organisation: that customer's keys (usage, license, tickets).
 * Without: staff service keys for internal systems such as billing.
 */
export const apiKeys = pgTable(
  "api_keys",
  {
    id: id(),
    organizationId: uuid().references(() => organizations.id, { onDelete: "cascade" }),
    name: text().notNull(),
    /** Shown in lists so people can tell keys apart, e.g. `tsk_3f9a1c2b`. */
    prefix: text().notNull(),
    keyHash: text().notNull(),
    scopes: text().array().notNull(),
    createdByUserId: uuid().references(() => users.id, { onDelete: "set null" }),
    expiresAt: timestamp({ withTimezone: true }),
    revokedAt: timestamp({ withTimezone: true }),
    lastUsedAt: timestamp({ withTimezone: true }),
    ...timestamps,
  },
  (table) => [
    uniqueIndex("api_keys_key_hash_unique").on(table.keyHash),
    index("api_keys_by_organization").on(table.organizationId, table.createdAt),
  ],
);

/**
 * Ed25519 keys that sign offline license tokens. The private key is AES-256-GCM encrypted;
 * a retired key stops signing but stays published until the last token it signed expires.
 */
export const signingKeys = pgTable(
  "signing_keys",
  {
    kid: text().primaryKey(),
    publicJwk: jsonb().$type<Record<string, string>>().notNull(),
    privateKeyEncrypted: text().notNull(),
    retiredAt: timestamp({ withTimezone: true }),
    lastTokenExpiresAt: timestamp({ withTimezone: true }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  // One signing key at a time, even when two instances start together.
  (table) => [uniqueIndex("signing_keys_one_active").on(sql`(true)`).where(sql`${table.retiredAt} is null`)],
);
