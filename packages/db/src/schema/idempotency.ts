import { sql } from "drizzle-orm";
import { index, integer, jsonb, pgTable, primaryKey, text, timestamp } from "drizzle-orm/pg-core";

/**
 * REST `Idempotency-Key`s (as Stripe): the first request with a key claims the row; a retry
 * with the same key and body within 24 h gets the stored answer instead of acting again.
 * `status` is null while the first request is still running.
 */
export const idempotencyRequests = pgTable(
  "idempotency_requests",
  {
    /** The API key that sent it: keys of different callers never collide. */
    principalId: text().notNull(),
    key: text().notNull(),
    /** Method, path and a hash of the body: the same key with another request is refused. */
    fingerprint: text().notNull(),
    status: integer(),
    responseBody: jsonb().$type<unknown>(),
    location: text(),
    createdAt: timestamp({ withTimezone: true }).notNull().default(sql`now()`),
  },
  (table) => [
    primaryKey({ columns: [table.principalId, table.key] }),
    index("idempotency_requests_by_age").on(table.createdAt),
  ],
);
