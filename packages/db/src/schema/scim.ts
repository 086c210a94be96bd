import { index, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { id, timestamps } from "./_columns.ts";
import { organizations } from "./organizations.ts";
import { users } from "./users.ts";

/**
 * Bearer tokens a customer's directory (Okta, Microsoft Entra) uses to provision its users
 * over SCIM 2.0. Only the SHA-256 of a token is kept; the token is shown once.
 */
export const scimTokens = pgTable(
  "scim_tokens",
  {
    id: id(),
    organizationId: uuid()
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    name: text().notNull(),
    /** Shown in lists so people can tell tokens apart, e.g. `scim_3f9a1c2b`. */
    prefix: text().notNull(),
    tokenHash: text().notNull(),
    createdByUserId: uuid().references(() => users.id, { onDelete: "set null" }),
    lastUsedAt: timestamp({ withTimezone: true }),
    revokedAt: timestamp({ withTimezone: true }),
    ...timestamps,
  },
  (table) => [
    uniqueIndex("scim_tokens_token_hash_unique").on(table.tokenHash),
    index("scim_tokens_by_organization").on(table.organizationId, table.createdAt),
  ],
);
