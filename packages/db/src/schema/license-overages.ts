import { pgTable, primaryKey, timestamp, uuid } from "drizzle-orm/pg-core";
import { licenses } from "./licenses.ts";
import { usageMetric } from "./usage.ts";

/**
 * When a license's usage of a metric first passed its limit: one row per license × metric,
 * inserted once (the primary key decides between racing batches) and deleted when usage is
 * back within the limit. The grace past the limit runs from `overSince`.
 */
export const licenseOverages = pgTable(
  "license_overages",
  {
    licenseId: uuid()
      .notNull()
      .references(() => licenses.id, { onDelete: "cascade" }),
    metric: usageMetric().notNull(),
    overSince: timestamp({ withTimezone: true }).notNull(),
  },
  (table) => [primaryKey({ name: "license_overages_pk", columns: [table.licenseId, table.metric] })],
);
