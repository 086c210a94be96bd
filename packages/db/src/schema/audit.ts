import { bigint, index, jsonb, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { id } from "./_columns.ts";

/** Append-only record of every mutation. No foreign keys: the log outlives what it names. */
export const auditEvents = pgTable(
  "audit_events",
  {
    id: id(),
    /** Insertion order: ties on created_at (same transaction, same clock) still sort. */
    seq: bigint({ mode: "number" }).generatedAlwaysAsIdentity(),
    actorUserId: uuid(),
    /** `user:<email>`, `api-key:<prefix>` or `system:<job>` — readable after the actor is gone. */
    actorLabel: text().notNull(),
    organizationId: uuid(),
    action: text().notNull(),
    targetType: text().notNull(),
    targetId: text(),
    before: jsonb(),
    after: jsonb(),
    ip: text(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    index("audit_events_by_time").on(table.createdAt, table.seq),
    index("audit_events_by_organization_time").on(table.organizationId, table.createdAt, table.seq),
    index("audit_events_by_target").on(table.targetType, table.targetId),
  ],
);
