import { sql } from "drizzle-orm";
import {
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  primaryKey,
  text,
  timestamp,
  unique,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { id, timestamps } from "./_columns.ts";
import { organizations } from "./organizations.ts";
import { ssoConnectionTests } from "./sso-tests.ts";

export const customizationType = pgEnum("customization_type", [
  "BRANDING",
  "DOMAIN",
  "SSO",
  "API",
  "FEATURE",
  "INTEGRATION",
]);

/**
 * White-label settings as typed records: `value` is checked by the domain's schema for its
 * type; secrets (SSO client secret, webhook signing secret) sit AES-256-GCM encrypted in
 * `secret_ciphertext` and are never returned. BRANDING, DOMAIN, SSO and API have one record
 * per organisation (key `default`); FEATURE has one per flag, INTEGRATION one per webhook.
 */
export const customizations = pgTable(
  "customizations",
  {
    id: id(),
    organizationId: uuid()
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    type: customizationType().notNull(),
    key: text().notNull(),
    value: jsonb().$type<Record<string, unknown>>().notNull(),
    secretCiphertext: text(),
    /** Optimistic concurrency: every change is conditional on the version read. */
    version: integer().notNull().default(1),
    ...timestamps,
  },
  (table) => [
    unique("customizations_one_per_key").on(table.organizationId, table.type, table.key),
    // A hostname has one VERIFIED owner; unverified claims never block the one who proves control.
    uniqueIndex("customizations_domain_verified_hostname_unique")
      .on(sql`(${table.value}->>'hostname')`)
      .where(sql`${table.type} = 'DOMAIN' and ${table.value}->>'status' = 'VERIFIED'`),
    // Every claim on a hostname, for the verification that settles them all at once.
    index("customizations_domain_claims_by_hostname")
      .on(sql`(${table.value}->>'hostname')`)
      .where(sql`${table.type} = 'DOMAIN'`),
  ],
);

/** Uploaded logos, served from our origin with a restrictive CSP. SVGs are stored sanitised. */
export const brandingAssets = pgTable(
  "branding_assets",
  {
    id: id(),
    organizationId: uuid()
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    contentType: text().notNull(),
    /** base64 of the bytes (at most 256 KiB): portable across PGlite and postgres.js. */
    dataBase64: text().notNull(),
    sha256: text().notNull(),
    sizeBytes: integer().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    index("branding_assets_by_organization").on(table.organizationId, table.createdAt),
    // The logo collection walks the oldest uploads first.
    index("branding_assets_by_created_at").on(table.createdAt),
  ],
);

/** The outbox: an event written in the transaction of the change it reports. */
export const webhookEvents = pgTable(
  "webhook_events",
  {
    id: id(),
    organizationId: uuid()
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    type: text().notNull(),
    payload: jsonb().$type<Record<string, unknown>>().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [index("webhook_events_by_organization").on(table.organizationId, table.createdAt)],
);

export const webhookDeliveryStatus = pgEnum("webhook_delivery_status", ["PENDING", "DELIVERED", "DEAD"]);

/** One event to one webhook: retried with backoff until delivered or out of attempts. */
export const webhookDeliveries = pgTable(
  "webhook_deliveries",
  {
    id: id(),
    eventId: uuid()
      .notNull()
      .references(() => webhookEvents.id, { onDelete: "cascade" }),
    integrationId: uuid()
      .notNull()
      .references(() => customizations.id, { onDelete: "cascade" }),
    organizationId: uuid().notNull(),
    status: webhookDeliveryStatus().notNull().default("PENDING"),
    attempts: integer().notNull().default(0),
    nextAttemptAt: timestamp({ withTimezone: true }).notNull(),
    /** A dispatcher holds the delivery until then; another may take it over after. */
    leaseUntil: timestamp({ withTimezone: true }),
    leaseToken: uuid(),
    lastStatusCode: integer(),
    lastError: text(),
    deliveredAt: timestamp({ withTimezone: true }),
    ...timestamps,
  },
  (table) => [
    unique("webhook_deliveries_once_per_integration").on(table.eventId, table.integrationId),
    index("webhook_deliveries_due").on(table.nextAttemptAt).where(sql`${table.status} = 'PENDING'`),
    index("webhook_deliveries_by_integration").on(table.integrationId, table.createdAt),
  ],
);

/** Every try at a delivery, as the receiver answered it: what the delivery log shows. */
export const webhookDeliveryAttempts = pgTable(
  "webhook_delivery_attempts",
  {
    id: id(),
    deliveryId: uuid()
      .notNull()
      .references(() => webhookDeliveries.id, { onDelete: "cascade" }),
    attempt: integer().notNull(),
    startedAt: timestamp({ withTimezone: true }).notNull(),
    durationMs: integer().notNull(),
    statusCode: integer(),
    error: text(),
    responseExcerpt: text(),
  },
  (table) => [unique("webhook_delivery_attempts_once").on(table.deliveryId, table.attempt)],
);

/** An SSO sign-in in flight: state, nonce and PKCE verifier, used once, for ten minutes. */
export const ssoLoginStates = pgTable(
  "sso_login_states",
  {
    stateHash: text().primaryKey(),
    organizationId: uuid()
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    /** OIDC or SAML; a SAML row's state is the AuthnRequest ID and it has no verifier or nonce. */
    protocol: text().notNull().default("OIDC"),
    codeVerifierCiphertext: text(),
    nonce: text(),
    /** OIDC: the redirect URI; SAML: the assertion consumer service URL. */
    redirectUri: text().notNull(),
    returnTo: text().notNull(),
    /** SHA-256 of the browser-binding cookie set at the start; rows from before it have none. */
    browserBindingHash: text(),
    /** Set when an admin's "Test connection" started it: it ends in a report, not a session. */
    connectionTestId: uuid().references(() => ssoConnectionTests.id, { onDelete: "cascade" }),
    expiresAt: timestamp({ withTimezone: true }).notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    index("sso_login_states_by_expiry").on(table.expiresAt),
    index("sso_login_states_pending_by_organization").on(table.organizationId, table.expiresAt),
  ],
);

/**
 * Each SAML assertion accepted, by organisation and SHA-256 of its ID, until it expires
 * (at most a day): the primary key makes a second use of the same assertion fail atomically.
 */
export const samlAssertionIds = pgTable(
  "saml_assertion_ids",
  {
    organizationId: uuid()
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    assertionIdHash: text().notNull(),
    expiresAt: timestamp({ withTimezone: true }).notNull(),
  },
  (table) => [
    primaryKey({ columns: [table.organizationId, table.assertionIdHash] }),
    index("saml_assertion_ids_by_expiry").on(table.expiresAt),
  ],
);

export const ssoDomainStatus = pgEnum("sso_domain_status", ["PENDING", "VERIFIED", "FAILED"]);

/**
 * An email domain an organisation claims for single sign-on. It routes sign-ins to the
 * organisation's identity provider only once VERIFIED by a DNS TXT record `_tessera.<domain>`
 * holding the token; one VERIFIED owner per domain, any number of unverified claims.
 */
export const ssoDomains = pgTable(
  "sso_domains",
  {
    id: id(),
    organizationId: uuid()
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    domain: text().notNull(),
    token: text().notNull(),
    status: ssoDomainStatus().notNull().default("PENDING"),
    /** The DNS answer that decided the status, in words. */
    reason: text(),
    dnsRecords: jsonb().$type<string[]>(),
    dnsError: text(),
    checks: integer().notNull().default(0),
    checkedAt: timestamp({ withTimezone: true }),
    verifiedAt: timestamp({ withTimezone: true }),
    /** Optimistic concurrency: a check records its verdict only on the version it read. */
    version: integer().notNull().default(1),
    ...timestamps,
  },
  (table) => [
    unique("sso_domains_one_claim_per_organization").on(table.organizationId, table.domain),
    uniqueIndex("sso_domains_one_verified_owner").on(table.domain).where(sql`${table.status} = 'VERIFIED'`),
    index("sso_domains_unverified_by_age").on(table.createdAt).where(sql`${table.status} <> 'VERIFIED'`),
  ],
);
