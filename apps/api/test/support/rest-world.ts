import { randomBytes } from "node:crypto";
import type { DbHandle } from "@tessera/db";
import { licenses, usageAlerts } from "@tessera/db/schema";
import { type ApiKeyScope, ORGANIZATION_KEY_SCOPES, SERVICE_KEY_SCOPES } from "@tessera/domain";
import { eq } from "drizzle-orm";
import { createApiKey, revokeApiKey } from "../../src/api-keys/service.ts";
import { type RunningApp, startApp } from "../../src/app.ts";
import { fixedClock } from "../../src/clock.ts";
import { loadConfig } from "../../src/config.ts";
import { createLicense } from "../../src/licenses/create.ts";
import { activateLicense } from "../../src/licenses/lifecycle.ts";
import { createOrganization } from "../../src/organizations/service.ts";
import type { RestOperation } from "../../src/rest/operation.ts";
import { createTicket } from "../../src/support/create-ticket.ts";
import { enableAPI } from "../../src/white-label/api-access.ts";
import { openTestDatabase } from "../database.ts";

/**
 * A running app for tests that walk every REST operation: three organisations with an active
 * ENTERPRISE license and API access on (the staff's own "S" for service keys, and tenants A
 * and B for organisation keys), their ids by field name, and keys of each kind. The clock is
 * fixed (at the real time, so usage "now" is plausible) and tests may move it.
 */
export type Tenant = "S" | "A" | "B";
export type Ids = Record<string, string>;

const tenant = async (system: Parameters<typeof createOrganization>[0], name: string) => {
  const slug = `${name}-${randomBytes(3).toString("hex")}`;
  const organization = await createOrganization(system, {
    name,
    slug,
    contactName: "World",
    contactEmail: `world@${slug}.test`,
    metadata: {},
  });
  const { license, key } = await createLicense(system, {
    organizationId: organization.id,
    tier: "ENTERPRISE",
    termMonths: 12,
    autoRenew: false,
  });
  await activateLicense(system, license.id);
  await enableAPI(system, organization.id, true);
  const ticket = await createTicket(system, organization.id, {
    subject: `World ticket ${name}`,
    description: "A ticket the REST tests can read and act on.",
    priority: "NORMAL",
  });
  const spareKey = await createApiKey(system, {
    organizationId: organization.id,
    name: "spare",
    scopes: ["usage:read"],
  });
  // An unacknowledged usage alert, as ingestion would raise it.
  const [alert] = await system.db
    .insert(usageAlerts)
    .values({
      licenseId: license.id,
      organizationId: organization.id,
      metric: "COURSES",
      threshold: 80,
      period: "world",
      used: 8,
      limit: 10,
    })
    .returning({ id: usageAlerts.id });
  const ids: Ids = {
    organizationId: organization.id,
    licenseId: license.id,
    ticketId: ticket.id,
    apiKeyId: spareKey.id,
    alertId: alert?.id ?? "",
  };
  return { ids, licenseKey: key };
};

export const startRestWorld = async (name: string) => {
  const dbHandle: DbHandle = await openTestDatabase();
  const clock = fixedClock(new Date());
  const config = loadConfig({
    LOG_LEVEL: "silent",
    PORT: "0",
    HOST: "127.0.0.1",
    DATA_DIR: `/tmp/tessera-${name}`,
    SEED_DEMO: "false",
    ENCRYPTION_KEY: randomBytes(32).toString("base64"),
    VALIDATE_MAX_NOT_FOUND_PER_IP: "1000000",
    VALIDATE_MAX_PER_IP: "1000000",
    VALIDATE_MAX_PER_KEY: "1000000",
  });
  const app: RunningApp = await startApp(config, { dbHandle, clock, jobs: false });
  const system = { db: app.deps.db, clock: app.deps.clock, actor: null, ip: null };
  const tenants = {
    S: await tenant(system, "staff"),
    A: await tenant(system, "alpha"),
    B: await tenant(system, "beta"),
  };

  /** A key of one kind with these scopes; organisation keys belong to `owner` (A unless said). */
  const keyWith = async (kind: "service" | "organization", scopes: ApiKeyScope[], owner: Tenant = "A") => {
    const organizationId = kind === "service" ? null : (tenants[owner].ids.organizationId ?? null);
    const created = await createApiKey(system, {
      organizationId,
      name: `${kind} ${scopes.join(" ")}`,
      scopes,
    });
    return { key: created.key, id: created.id };
  };
  const revoked = await keyWith("service", [...SERVICE_KEY_SCOPES]);
  await revokeApiKey(system, null, revoked.id);
  const keys = {
    service: (await keyWith("service", [...SERVICE_KEY_SCOPES])).key,
    orgA: (await keyWith("organization", [...ORGANIZATION_KEY_SCOPES], "A")).key,
    orgB: (await keyWith("organization", [...ORGANIZATION_KEY_SCOPES], "B")).key,
    revoked: revoked.key,
  };

  /** Field values for a call on a tenant's data: its ids, its license's version and key, now. */
  const valuesOf = async (owner: Tenant): Promise<(field: string) => unknown> => {
    const { ids, licenseKey } = tenants[owner];
    const [license] = await app.deps.db
      .select({ version: licenses.version })
      .from(licenses)
      .where(eq(licenses.id, ids.licenseId ?? ""));
    const fixed: Record<string, unknown> = {
      ...ids,
      expectedVersion: license?.version,
      key: licenseKey,
      occurredAt: clock.now(),
    };
    return (field) => fixed[field];
  };

  return { app, dbHandle, clock, system, tenants, keys, keyWith, valuesOf, close: () => app.close() };
};
export type RestWorld = Awaited<ReturnType<typeof startRestWorld>>;

/** The `{name}`s in an operation's path. */
export const pathParams = (operation: RestOperation): string[] =>
  [...operation.path.matchAll(/\{([^}]+)\}/g)].map((match) => match[1] ?? "");

/** Path parameters no tenant has a fixture id for: the test asks for one to be added here. */
export const missingFixtures = (operations: RestOperation[], ids: Ids): string[] =>
  operations.flatMap((operation) =>
    pathParams(operation)
      .filter((name) => !(name in ids))
      .map((name) => `${operation.operationId} needs a fixture id "${name}" in test/support/rest-world.ts`),
  );

/** A query value as text; a hostile invalid Date travels as the text "Invalid Date". */
const queryText = (value: unknown) =>
  value instanceof Date && !Number.isNaN(value.getTime()) ? value.toISOString() : String(value);

/** The URL (path parameters filled in, the query appended) for an operation and its input. */
export const restTarget = (operation: RestOperation, input: Record<string, unknown>, query?: unknown) => {
  const path = operation.path.replace(/\{([^}]+)\}/g, (_, name: string) =>
    encodeURIComponent(String(input[name])),
  );
  const search = new URLSearchParams();
  if (query && typeof query === "object") {
    for (const [name, value] of Object.entries(query)) {
      for (const one of [value].flat()) {
        if (one !== undefined) search.append(name, queryText(one));
      }
    }
  }
  const text = search.toString();
  return `/api${path}${text ? `?${text}` : ""}`;
};
