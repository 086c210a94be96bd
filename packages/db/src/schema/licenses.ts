import { sql } from "drizzle-orm";
import {
  bigint,
  boolean,
  check,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  text,
  timestamp,
  unique,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { id, timestamps } from "./_columns.ts";
import { organizations } from "./organizations.ts";

export const licenseTier = pgEnum("license_tier", ["STARTER", "PROFESSIONAL", "ENTERPRISE", "CUSTOM"]);
export const licenseStatus = pgEnum("license_status", [
  "PENDING",
  "ACTIVE",
  "SUSPENDED",
  "EXPIRED",
  "CANCELLED",
]);

type OveragePolicyColumn = { tolerancePercent: number; graceDays: number };
type OverageColumn = Partial<
  Record<"ACTIVE_USERS" | "COURSES" | "API_CALLS" | "STORAGE_BYTES", OveragePolicyColumn>
>;

export type LimitsColumn = Record<"ACTIVE_USERS" | "COURSES" | "API_CALLS" | "STORAGE_BYTES", number | null>;

export const licenses = pgTable(
  "licenses",
  {
    id: id(),
    organizationId: uuid()
      .notNull()
      .references(() => organizations.id, { onDelete: "restrict" }),
    tier: licenseTier().notNull(),
    status: licenseStatus().notNull().default("PENDING"),
    termMonths: integer().notNull(),
    autoRenew: boolean().notNull().default(false),
    startsAt: timestamp({ withTimezone: true }),
    expiresAt: timestamp({ withTimezone: true }),
    activatedAt: timestamp({ withTimezone: true }),
    suspendedAt: timestamp({ withTimezone: true }),
    suspendedReason: text(),
    cancelledAt: timestamp({ withTimezone: true }),
    cancelledReason: text(),
    expiredAt: timestamp({ withTimezone: true }),
    renewedAt: timestamp({ withTimezone: true }),
    /** The sweep's auto-renewal was refused: the grace past expiry ends. Any renewal clears it. */
    renewalFailedAt: timestamp({ withTimezone: true }),
    /** CUSTOM tier only: the negotiated entitlements. */
    customLimits: jsonb().$type<LimitsColumn>(),
    customFeatures: jsonb().$type<string[]>(),
    /** CUSTOM tier only: per metric, tolerance and grace replacing the tier's defaults. */
    customOverage: jsonb().$type<OverageColumn>(),
    /** Expiry reminder points, days before expiry, furthest first; each fires once per expiry. */
    reminderDays: integer().array().notNull().default(sql`'{30,7,1}'::integer[]`),
    supportResponseCapHours: integer(),
    monthlyPriceCents: bigint({ mode: "number" }),
    customDomain: text(),
    whiteLabel: boolean().notNull().default(false),
    /** SHA-256 of the canonical key; the key itself is shown once and never stored. */
    keyHash: text().notNull(),
    keyLast4: text().notNull(),
    keyRotatedAt: timestamp({ withTimezone: true }),
    /** The key replaced by the last rotation, valid until `previousKeyExpiresAt` (key rolling). */
    previousKeyHash: text(),
    previousKeyExpiresAt: timestamp({ withTimezone: true }),
    /** Days an offline token is signed for (never past the license's expiry); the platform refreshes it. */
    tokenTtlDays: integer().notNull().default(30),
    /** Optimistic concurrency: every change bumps it and is conditional on it. */
    version: integer().notNull().default(1),
    ...timestamps,
  },
  (table) => [
    uniqueIndex("licenses_key_hash_unique").on(table.keyHash),
    index("licenses_by_previous_key_hash").on(table.previousKeyHash),
    uniqueIndex("licenses_one_in_force_per_organization")
      .on(table.organizationId)
      .where(sql`${table.status} in ('PENDING', 'ACTIVE', 'SUSPENDED')`),
    index("licenses_by_organization_history").on(table.organizationId, table.createdAt),
    index("licenses_by_status_expiry").on(table.status, table.expiresAt),
    check("licenses_token_ttl_days_range", sql`${table.tokenTtlDays} between 1 and 365`),
  ],
);

/** One row per reminder sent: (license, the expiry it is about, days before) happens once. */
export const licenseReminders = pgTable(
  "license_reminders",
  {
    id: id(),
    licenseId: uuid()
      .notNull()
      .references(() => licenses.id, { onDelete: "cascade" }),
    organizationId: uuid().notNull(),
    daysBefore: integer().notNull(),
    expiresAt: timestamp({ withTimezone: true }).notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [unique("license_reminders_once").on(table.licenseId, table.expiresAt, table.daysBefore)],
);

/** What the default billing port records for a renewal: one invoice per license period. */
export const invoices = pgTable(
  "invoices",
  {
    id: id(),
    organizationId: uuid().notNull(),
    licenseId: uuid()
      .notNull()
      .references(() => licenses.id, { onDelete: "restrict" }),
    amountCents: bigint({ mode: "number" }).notNull(),
    currency: text().notNull().default("USD"),
    periodStart: timestamp({ withTimezone: true }).notNull(),
    periodEnd: timestamp({ withTimezone: true }).notNull(),
    reason: text().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    unique("invoices_once_per_period").on(table.licenseId, table.periodStart),
    index("invoices_by_organization").on(table.organizationId, table.createdAt),
  ],
);
