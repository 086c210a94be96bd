import { index, jsonb, pgEnum, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { id } from "./_columns.ts";
import { organizations } from "./organizations.ts";
import { userRole, users } from "./users.ts";

export const ssoTestStatus = pgEnum("sso_test_status", ["PENDING", "SUCCEEDED", "FAILED"]);

/** One step of a connection test as the SSO page reports it. */
export interface SsoTestStep {
  step: "CONFIGURATION" | "REDIRECT" | "RESPONSE" | "USER_MATCH";
  ok: boolean;
  detail: string;
}

/**
 * "Test connection": an admin's full sign-in through the identity provider that opens no
 * session and records each step. Enforcement may only be switched on for settings whose
 * `settingsFingerprint` an owner has tested successfully.
 */
export const ssoConnectionTests = pgTable(
  "sso_connection_tests",
  {
    id: id(),
    organizationId: uuid()
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    startedBy: uuid()
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    /** The starter's role then: only an owner's success unlocks enforcement. */
    startedByRole: userRole().notNull(),
    /** SHA-256 of the tested settings (enforcement flag aside). */
    settingsFingerprint: text().notNull(),
    protocol: text().notNull(),
    status: ssoTestStatus().notNull().default("PENDING"),
    steps: jsonb().$type<SsoTestStep[]>().notNull().default([]),
    /** The email the identity provider asserted, once it answered. */
    assertedEmail: text(),
    startedAt: timestamp({ withTimezone: true }).notNull(),
    finishedAt: timestamp({ withTimezone: true }),
    expiresAt: timestamp({ withTimezone: true }).notNull(),
  },
  (table) => [index("sso_connection_tests_by_organization").on(table.organizationId, table.startedAt)],
);
