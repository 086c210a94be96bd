import { sql } from "drizzle-orm";
import {
  check,
  index,
  integer,
  pgEnum,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { id, timestamps } from "./_columns.ts";
import { organizations } from "./organizations.ts";

export const userKind = pgEnum("user_kind", ["STAFF", "CUSTOMER"]);
/** How a session was opened: SSO enforcement ends the password ones. */
export const sessionMethod = pgEnum("session_method", ["password", "sso"]);
export const userRole = pgEnum("user_role", ["ADMIN", "SUPPORT", "VIEWER", "OWNER", "MEMBER"]);

export const users = pgTable(
  "users",
  {
    id: id(),
    /** Stored lower-cased; unique case-insensitively. */
    email: text().notNull(),
    name: text().notNull(),
    passwordHash: text().notNull(),
    kind: userKind().notNull(),
    role: userRole().notNull(),
    organizationId: uuid().references(() => organizations.id, { onDelete: "restrict" }),
    disabledAt: timestamp({ withTimezone: true }),
    lastSignInAt: timestamp({ withTimezone: true }),
    /**
     * Support: open tickets assigned to this user, changed in the transaction that opens,
     * assigns, resolves, closes or reopens one, so routing reads one row per agent instead of
     * counting tickets (and can lock the row it picks).
     */
    openTicketCount: integer().notNull().default(0),
    /** When a ticket was last routed or assigned to this user: routing's tiebreak. */
    lastAssignedAt: timestamp({ withTimezone: true }),
    /** TOTP secret (sealed with the app's secret box) once MFA is on; null while it is off. */
    mfaSecret: text(),
    /** A secret shown for enrolment, sealed, until a code from it confirms the enrolment. */
    mfaPendingSecret: text(),
    mfaEnabledAt: timestamp({ withTimezone: true }),
    /** The last TOTP time step accepted: a code is never accepted twice. */
    mfaLastStep: integer(),
    /** The directory's own id for this user (SCIM `externalId`), unique within the organisation. */
    scimExternalId: text(),
    /**
     * Deleted through SCIM: disabled and hidden from the directory, kept so that the audit
     * trail, tickets and history that point at the user stay whole.
     */
    scimDeletedAt: timestamp({ withTimezone: true }),
    /** The IANA zone dates are shown in; null follows the browser's. */
    timeZone: text(),
    /** The date-fns pattern dates are written in (one of the domain's DATE_FORMATS); null follows the browser's locale. */
    dateFormat: text(),
    ...timestamps,
  },
  (table) => [
    uniqueIndex("users_email_unique").on(sql`lower(${table.email})`),
    index("users_by_organization").on(table.organizationId, table.createdAt),
    uniqueIndex("users_scim_external_id_unique")
      .on(table.organizationId, table.scimExternalId)
      .where(sql`${table.scimExternalId} is not null`),
    // Finds the active SUPPORT agents among every user; routing sorts those few by load. The
    // load columns stay out of every index, so charging an agent per ticket is a HOT update
    // (no index entries written) of the hottest row in ticket creation.
    index("users_support_agents")
      .on(table.createdAt)
      .where(sql`${table.kind} = 'STAFF' and ${table.role} = 'SUPPORT' and ${table.disabledAt} is null`),
    check(
      "users_kind_matches_role",
      sql`(${table.kind} = 'STAFF' AND ${table.organizationId} IS NULL AND ${table.role} IN ('ADMIN','SUPPORT','VIEWER'))
       OR (${table.kind} = 'CUSTOMER' AND ${table.organizationId} IS NOT NULL AND ${table.role} IN ('OWNER','ADMIN','MEMBER'))`,
    ),
  ],
);

export const sessions = pgTable(
  "sessions",
  {
    id: id(),
    /** SHA-256 of the cookie token; the token itself is never stored. */
    tokenHash: text().notNull(),
    userId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    expiresAt: timestamp({ withTimezone: true }).notNull(),
    lastSeenAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    ip: text(),
    userAgent: text(),
    method: sessionMethod().notNull().default("password"),
    /**
     * The primary's WAL position after this session's last change (only with a read replica):
     * its reads use the replica once the replica has replayed that far (read-your-writes).
     */
    lastWriteLsn: text(),
    ...timestamps,
  },
  (table) => [
    uniqueIndex("sessions_token_hash_unique").on(table.tokenHash),
    index("sessions_by_user").on(table.userId),
  ],
);

/** One-time recovery codes of a user with MFA on: only their SHA-256 is stored. */
export const mfaRecoveryCodes = pgTable(
  "mfa_recovery_codes",
  {
    id: id(),
    userId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    codeHash: text().notNull(),
    usedAt: timestamp({ withTimezone: true }),
    ...timestamps,
  },
  (table) => [uniqueIndex("mfa_recovery_codes_by_user_code").on(table.userId, table.codeHash)],
);

/**
 * The step between a right password and a session for a user with MFA on: a short-lived
 * random token (its hash stored) that `auth.verifyMfa` exchanges, once, for a session.
 */
export const mfaChallenges = pgTable(
  "mfa_challenges",
  {
    id: id(),
    tokenHash: text().notNull(),
    userId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    expiresAt: timestamp({ withTimezone: true }).notNull(),
    ...timestamps,
  },
  (table) => [
    uniqueIndex("mfa_challenges_token_hash_unique").on(table.tokenHash),
    index("mfa_challenges_by_user").on(table.userId),
  ],
);
