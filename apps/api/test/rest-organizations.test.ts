import { randomBytes } from "node:crypto";
import { auditEvents } from "@tessera/db/schema";
import type { ApiKeyScope } from "@tessera/domain";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApiKey } from "../src/api-keys/service.ts";
import { type RunningApp, startApp } from "../src/app.ts";
import { loadConfig } from "../src/config.ts";
import { createLicense } from "../src/licenses/create.ts";
import { activateLicense } from "../src/licenses/lifecycle.ts";
import { createOrganization } from "../src/organizations/service.ts";
import type { ErrorEnvelope } from "../src/rest/envelope.ts";
import { enableAPI } from "../src/white-label/api-access.ts";
import { createIntegration } from "../src/white-label/integrations.ts";
import { openTestDatabase } from "./database.ts";
import { useRestClient } from "./support/rest-client.ts";

/** REST organisations and their white-label configuration: service keys read all, an organisation key itself. */
let app: RunningApp;
const rest = useRestClient("rest-organizations.test.ts", () => app.url);
const keys: Record<"service" | "licensesOnly" | "ownA" | "usageOnlyA", string> = {
  service: "",
  licensesOnly: "",
  ownA: "",
  usageOnlyA: "",
};
const ids = { a: "", b: "" };
let webhookSecret = "";
const WEBHOOK_PATH_TOKEN = "T0PSECRETPATHTOKEN";
type Organization = { id: string; name: string; slug: string; accountManager?: unknown };
type Page<T> = { items: T[]; nextCursor: string | null };
type Envelope = ErrorEnvelope;

const system = () => ({ db: app.deps.db, clock: app.deps.clock, actor: null, ip: null });
const newOrganization = (name: string) =>
  createOrganization(system(), {
    name,
    slug: `${name.toLowerCase().replace(/[^a-z0-9]+/g, "-")}-${randomBytes(3).toString("hex")}`,
    contactName: "C",
    contactEmail: `c@${randomBytes(3).toString("hex")}.test`,
    metadata: {},
  });
const licensed = async (name: string, tier: "STARTER" | "ENTERPRISE") => {
  const organization = await newOrganization(name);
  const { license } = await createLicense(system(), {
    organizationId: organization.id,
    tier,
    termMonths: 12,
    autoRenew: false,
  });
  await activateLicense(system(), license.id);
  await enableAPI(system(), organization.id, true);
  return organization.id;
};
const key = async (organizationId: string | null, scopes: ApiKeyScope[]) =>
  (await createApiKey(system(), { organizationId, name: scopes.join(" "), scopes })).key;

beforeAll(async () => {
  const config = loadConfig({
    LOG_LEVEL: "silent",
    PORT: "0",
    DATA_DIR: "/tmp/tessera-rest-organizations-test",
    SEED_DEMO: "false",
    ENCRYPTION_KEY: randomBytes(32).toString("base64"),
  });
  app = await startApp(config, { dbHandle: await openTestDatabase(), jobs: false });
  ids.a = await licensed("Alpha Learning", "ENTERPRISE");
  ids.b = await licensed("Beta Academy", "STARTER");
  for (const name of ["Gamma", "Delta", "Epsilon", "Zeta"]) await newOrganization(name);
  keys.service = await key(null, ["organizations:read", "audit:read"]);
  keys.licensesOnly = await key(null, ["licenses:read"]);
  keys.ownA = await key(ids.a, ["organization:read", "audit:read"]);
  keys.usageOnlyA = await key(ids.a, ["usage:write"]);
  const created = await createIntegration(system(), app.deps, ids.a, {
    name: "LMS hook",
    url: `https://hooks.example.test/services/${WEBHOOK_PATH_TOKEN}`,
    events: ["license.activated"],
    enabled: true,
  });
  webhookSecret = created.secret;
}, 60_000);
afterAll(() => app?.close());

/** Every page from the first, following nextCursor; `between` runs after the first page. */
const allPages = async <T>(path: string, apiKey: string, between?: () => Promise<unknown>) => {
  const items: T[] = [];
  let cursor: string | null = null;
  do {
    const separator = path.includes("?") ? "&" : "?";
    const url: string = cursor ? `${path}${separator}cursor=${encodeURIComponent(cursor)}` : path;
    const answer = await rest<Page<T>>("GET", url, { key: apiKey });
    expect(answer.status).toBe(200);
    items.push(...answer.body.items);
    if (cursor === null) await between?.();
    cursor = answer.body.nextCursor;
  } while (cursor);
  return items;
};

describe("GET /v1/organizations", () => {
  it("pages through every organisation in name order, none skipped or repeated while one is added", async () => {
    const before = await allPages<Organization>("/api/v1/organizations?limit=100", keys.service);
    const seen = await allPages<Organization>("/api/v1/organizations?limit=2", keys.service, () =>
      newOrganization("Aardvark Ltd"),
    );
    expect(seen.map((row) => row.id)).toEqual(before.map((row) => row.id));
    const names = seen.map((row) => row.name);
    expect(names).toEqual([...names].sort());
  });

  it("searches by name, slug or contact", async () => {
    const answer = await rest<Page<Organization>>("GET", "/api/v1/organizations?search=beta", {
      key: keys.service,
    });
    expect(answer.body.items.map((row) => row.id)).toEqual([ids.b]);
    expect(answer.body.nextCursor).toBeNull();
  });

  it("refuses a cursor it did not issue and a limit out of range, naming the field", async () => {
    for (const [query, field] of [
      ["cursor=not-a-cursor", "cursor"],
      [`cursor=${Buffer.from('["x","y"]').toString("base64url")}`, "cursor"],
      ["limit=101", "limit"],
    ]) {
      const answer = await rest<Envelope>("GET", `/api/v1/organizations?${query}`, { key: keys.service });
      expect(answer.status, query).toBe(400);
      expect(answer.body.error.field, query).toBe(field);
    }
  });

  it("is for service keys with organizations:read only", async () => {
    for (const apiKey of [keys.licensesOnly, keys.ownA]) {
      const answer = await rest("GET", "/api/v1/organizations", { key: apiKey });
      expect(answer.status).toBe(403);
    }
    expect((await rest("GET", "/api/v1/organizations")).status).toBe(401);
  });
});

describe("GET /v1/organizations/{organizationId}", () => {
  it("answers any organisation to a service key, and its own to an organisation key", async () => {
    const bySystem = await rest<Organization>("GET", `/api/v1/organizations/${ids.b}`, { key: keys.service });
    expect(bySystem.body).toMatchObject({ id: ids.b, name: "Beta Academy", accountManager: null });
    const own = await rest<Organization>("GET", `/api/v1/organizations/${ids.a}`, { key: keys.ownA });
    expect(own.body).toMatchObject({ id: ids.a, name: "Alpha Learning" });
  });

  it("answers 404 to an organisation key asking for another organisation, as for an unknown id", async () => {
    const other = await rest<Envelope>("GET", `/api/v1/organizations/${ids.b}`, { key: keys.ownA });
    expect(other.status).toBe(404);
    expect(other.text).not.toContain("Beta Academy");
    const unknown = await rest<Envelope>("GET", `/api/v1/organizations/${crypto.randomUUID()}`, {
      key: keys.service,
    });
    expect(unknown.status).toBe(404);
  });

  it("refuses keys without the scope (403) and a malformed id (400 naming it)", async () => {
    for (const apiKey of [keys.licensesOnly, keys.usageOnlyA]) {
      expect((await rest("GET", `/api/v1/organizations/${ids.a}`, { key: apiKey })).status).toBe(403);
    }
    const bad = await rest<Envelope>("GET", "/api/v1/organizations/not-a-uuid", { key: keys.service });
    expect(bad.status).toBe(400);
    expect(bad.body.error.field).toBe("organizationId");
  });
});

describe("GET /v1/organizations/{organizationId}/white-label", () => {
  type Config = {
    organizationId: string;
    tier: string | null;
    integrations: { name: string; urlOrigin: string; hasSecret: boolean }[];
    api: { enabled: boolean };
  };

  it("answers the effective configuration with no secret in it", async () => {
    for (const apiKey of [keys.service, keys.ownA]) {
      const answer = await rest<Config>("GET", `/api/v1/organizations/${ids.a}/white-label`, { key: apiKey });
      expect(answer.status).toBe(200);
      expect(answer.body).toMatchObject({
        organizationId: ids.a,
        tier: "ENTERPRISE",
        api: { enabled: true },
      });
      expect(answer.body.integrations).toEqual([
        expect.objectContaining({
          name: "LMS hook",
          urlOrigin: "https://hooks.example.test",
          hasSecret: true,
        }),
      ]);
      expect(webhookSecret).toMatch(/^whsec_/);
      expect(answer.text).not.toContain(webhookSecret);
      expect(answer.text).not.toContain(WEBHOOK_PATH_TOKEN);
    }
  });

  it("answers 404 to an organisation key asking for another organisation's", async () => {
    const answer = await rest<Envelope>("GET", `/api/v1/organizations/${ids.b}/white-label`, {
      key: keys.ownA,
    });
    expect(answer.status).toBe(404);
    expect(
      (await rest("GET", `/api/v1/organizations/${ids.b}/white-label`, { key: keys.usageOnlyA })).status,
    ).toBe(403);
  });
});

describe("GET /v1/audit-events", () => {
  type Entry = { id: string; organizationId: string | null; action: string; createdAt: string };
  const order = (entry: Entry) => entry.createdAt;

  it("pages newest first through the whole log, none skipped or repeated while entries are added", async () => {
    // Entries of one transaction share one clock reading: only their insertion order tells them apart.
    const instant = new Date();
    await app.deps.db.insert(auditEvents).values(
      ["first", "second", "third"].map((step) => ({
        actorLabel: "system:test",
        organizationId: ids.a,
        action: `test.${step}`,
        targetType: "test",
        createdAt: instant,
      })),
    );
    const before = await allPages<Entry>("/api/v1/audit-events?limit=100", keys.service);
    expect(before.filter((entry) => entry.action.startsWith("test.")).map((entry) => entry.action)).toEqual([
      "test.third",
      "test.second",
      "test.first",
    ]);
    // One entry a page: pages end between entries of one transaction, written at one instant.
    const seen = await allPages<Entry>("/api/v1/audit-events?limit=1", keys.service, () =>
      newOrganization("Added Meanwhile"),
    );
    expect(seen.map((entry) => entry.id)).toEqual(before.map((entry) => entry.id));
    expect(seen.map(order)).toEqual([...seen.map(order)].sort().reverse());
  });

  it("filters by organisation, action prefix and time for a service key", async () => {
    const ofB = await allPages<Entry>(`/api/v1/audit-events?organizationId=${ids.b}`, keys.service);
    expect(ofB.length).toBeGreaterThan(0);
    expect(ofB.every((entry) => entry.organizationId === ids.b)).toBe(true);
    const licenseActions = await allPages<Entry>("/api/v1/audit-events?action=license.", keys.service);
    expect(licenseActions.map((entry) => entry.action)).toEqual(
      expect.arrayContaining(["license.created", "license.activated"]),
    );
    expect(licenseActions.every((entry) => entry.action.startsWith("license."))).toBe(true);
    const future = await rest<Page<Entry>>("GET", "/api/v1/audit-events?from=2999-01-01T00:00:00Z", {
      key: keys.service,
    });
    expect(future.body.items).toEqual([]);
  });

  it("shows an organisation key only its own entries, whatever organizationId it asks for", async () => {
    for (const query of ["", `?organizationId=${ids.b}`]) {
      const own = await allPages<Entry>(`/api/v1/audit-events${query}`, keys.ownA);
      expect(own.length).toBeGreaterThan(0);
      expect(own.every((entry) => entry.organizationId === ids.a)).toBe(true);
    }
  });

  it("refuses a bad cursor, inverted times and keys without audit:read", async () => {
    const forged = Buffer.from(JSON.stringify(["2026-02-30T00:00:00.000000Z|1", crypto.randomUUID()]));
    for (const [query, field] of [
      ["cursor=%%%", "cursor"],
      [`cursor=${forged.toString("base64url")}`, "cursor"],
      ["from=2026-02-01&to=2026-01-01", "to"],
    ]) {
      const answer = await rest<Envelope>("GET", `/api/v1/audit-events?${query}`, { key: keys.service });
      expect(answer.status, query).toBe(400);
      expect(answer.body.error.field, query).toBe(field);
    }
    for (const apiKey of [keys.licensesOnly, keys.usageOnlyA]) {
      expect((await rest("GET", "/api/v1/audit-events", { key: apiKey })).status).toBe(403);
    }
  });
});
