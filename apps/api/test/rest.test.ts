import { randomBytes } from "node:crypto";
import { Validator } from "@seriousme/openapi-schema-validator";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApiKey } from "../src/api-keys/service.ts";
import { type RunningApp, startApp } from "../src/app.ts";
import { loadConfig } from "../src/config.ts";
import { createOrganization } from "../src/organizations/service.ts";
import { enableAPI } from "../src/white-label/api-access.ts";
import { openTestDatabase } from "./database.ts";

/** The REST API as a non-TypeScript integrator uses it: plain fetch, JSON, a Bearer key. */
let app: RunningApp;
let serviceKey = "";
let readOnlyKey = "";
const organizationIds: string[] = [];

beforeAll(async () => {
  const config = loadConfig({
    LOG_LEVEL: "silent",
    PORT: "0",
    DATA_DIR: "/tmp/tessera-rest-test",
    SEED_DEMO: "false",
    ENCRYPTION_KEY: randomBytes(32).toString("base64"),
  });
  app = await startApp(config, { dbHandle: await openTestDatabase(), jobs: false });
  const system = { db: app.deps.db, clock: app.deps.clock, actor: null, ip: null };
  serviceKey = (
    await createApiKey(system, {
      organizationId: null,
      name: "billing",
      scopes: ["licenses:write", "licenses:read"],
    })
  ).key;
  readOnlyKey = (await createApiKey(system, { organizationId: null, name: "bi", scopes: ["licenses:read"] }))
    .key;
  for (const slug of ["rest-one", "rest-two", "rest-three", "rest-four"]) {
    const organization = await createOrganization(system, {
      name: slug,
      slug,
      contactName: "R",
      contactEmail: `r@${slug}.test`,
      metadata: {},
    });
    organizationIds.push(organization.id);
  }
});
afterAll(() => app.close());

const rest = (method: string, path: string, body?: unknown, key: string | null = serviceKey) =>
  fetch(`${app.url}/api${path}`, {
    method,
    headers: { "content-type": "application/json", ...(key ? { authorization: `Bearer ${key}` } : {}) },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });

describe("REST usage", () => {
  it("takes usage events with an organisation key, once per idempotency key", async () => {
    const system = { db: app.deps.db, clock: app.deps.clock, actor: null, ip: null };
    const created = await rest("POST", "/enterprise/licenses/create", {
      organizationId: organizationIds[1],
      tier: "STARTER",
    });
    const { license } = (await created.json()) as { license: { id: string } };
    await rest("POST", "/enterprise/licenses/activate", { licenseId: license.id });
    await enableAPI(system, organizationIds[1] ?? "", true);
    const orgKey = (
      await createApiKey(system, {
        organizationId: organizationIds[1] ?? "",
        name: "platform",
        scopes: ["usage:write"],
      })
    ).key;
    const event = { metric: "API_CALLS", value: 42, idempotencyKey: "rest-1" };
    const first = await rest("POST", "/enterprise/usage/track", event, orgKey);
    expect(first.status).toBe(200);
    expect(await first.json()).toMatchObject({ accepted: 1, duplicates: 0 });
    expect(await (await rest("POST", "/enterprise/usage/track", event, orgKey)).json()).toMatchObject({
      accepted: 0,
      duplicates: 1,
    });
    const bad = await rest("POST", "/enterprise/usage/track", { ...event, value: -1 }, orgKey);
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { data: { field: string } }).data.field).toBe("value");
    expect((await rest("POST", "/enterprise/usage/track", event, serviceKey)).status).toBe(403);
    expect((await rest("POST", "/enterprise/usage/track", event, null)).status).toBe(401);
  });
});

describe("REST support", () => {
  it("opens a ticket with a tickets:write key; bad input names the field", async () => {
    const system = { db: app.deps.db, clock: app.deps.clock, actor: null, ip: null };
    const created2 = await rest("POST", "/enterprise/licenses/create", {
      organizationId: organizationIds[3],
      tier: "STARTER",
    });
    const { license } = (await created2.json()) as { license: { id: string } };
    await rest("POST", "/enterprise/licenses/activate", { licenseId: license.id });
    await enableAPI(system, organizationIds[3] ?? "", true);
    const key = (
      await createApiKey(system, {
        organizationId: organizationIds[3] ?? "",
        name: "platform",
        scopes: ["tickets:write"],
      })
    ).key;
    const created = await rest(
      "POST",
      "/enterprise/support/tickets",
      { subject: "Sign-in loop", description: "Since 9:00", priority: "HIGH" },
      key,
    );
    expect(created.status).toBe(200);
    expect(await created.json()).toMatchObject({
      reference: expect.stringMatching(/^SUP-\d{6}$/),
      status: "OPEN",
      priority: "HIGH",
    });
    const bad = await rest("POST", "/enterprise/support/tickets", { subject: "", description: "x" }, key);
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { data: { field: string } }).data.field).toBe("subject");
    expect(
      (await rest("POST", "/enterprise/support/tickets", { subject: "x", description: "x" }, null)).status,
    ).toBe(401);
  });
});

describe("REST", () => {
  it("serves a valid OpenAPI 3 document with the promised paths", async () => {
    const response = await fetch(`${app.url}/api/openapi.json`);
    expect(response.status).toBe(200);
    const document = (await response.json()) as {
      openapi: string;
      paths: Record<string, Record<string, unknown>>;
      components: { securitySchemes: Record<string, unknown> };
    };
    expect(document.openapi).toMatch(/^3\./);
    expect(Object.keys(document.paths)).toEqual(
      expect.arrayContaining([
        "/enterprise/licenses/create",
        "/enterprise/licenses/activate",
        "/enterprise/licenses/{licenseId}",
        "/enterprise/licenses/{licenseId}/renew",
        "/enterprise/licenses/validate",
        "/enterprise/usage/track",
        "/enterprise/support/tickets",
      ]),
    );
    expect(document.paths["/enterprise/licenses/{licenseId}/renew"]).toHaveProperty("put");
    expect(document.components.securitySchemes).toHaveProperty("bearer");
    const validator = new Validator();
    const result = await validator.validate(document as never);
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
  });

  it("create → activate → get → renew → validate over HTTP", async () => {
    const created = await rest("POST", "/enterprise/licenses/create", {
      organizationId: organizationIds[0],
      tier: "STARTER",
      termMonths: 12,
    });
    expect(created.status).toBe(200);
    const { license, key } = (await created.json()) as {
      license: { id: string; status: string; version: number };
      key: string;
    };
    expect(license.status).toBe("PENDING");

    const activated = await rest("POST", "/enterprise/licenses/activate", { licenseId: license.id });
    expect(activated.status).toBe(200);
    const active = (await activated.json()) as { status: string; expiresAt: string; version: number };
    expect(active.status).toBe("ACTIVE");
    expect(typeof active.expiresAt).toBe("string");

    const fetched = await rest("GET", `/enterprise/licenses/${license.id}`, undefined, readOnlyKey);
    expect(fetched.status).toBe(200);
    expect(((await fetched.json()) as { id: string }).id).toBe(license.id);

    const renewed = await rest("PUT", `/enterprise/licenses/${license.id}/renew`, {
      expectedVersion: active.version,
    });
    expect(renewed.status).toBe(200);
    const after = (await renewed.json()) as { expiresAt: string };
    expect(new Date(after.expiresAt).getTime()).toBeGreaterThan(new Date(active.expiresAt).getTime());

    const again = await rest("PUT", `/enterprise/licenses/${license.id}/renew`, {
      expectedVersion: active.version,
    });
    expect(again.status).toBe(409);

    const validated = await rest("POST", "/enterprise/licenses/validate", { key, feature: "SSO" }, null);
    expect(validated.status).toBe(200);
    expect(await validated.json()).toMatchObject({
      valid: false,
      code: "FEATURE_NOT_ENTITLED",
      license: { tier: "STARTER" },
    });
  });

  it("answers 401 without a key, 403 for a key without the scope", async () => {
    const body = { organizationId: organizationIds[1], tier: "STARTER" };
    expect((await rest("POST", "/enterprise/licenses/create", body, null)).status).toBe(401);
    expect((await rest("POST", "/enterprise/licenses/create", body, "tsk_00000000_wrong")).status).toBe(401);
    expect((await rest("POST", "/enterprise/licenses/create", body, readOnlyKey)).status).toBe(403);
  });

  it("answers 400 naming the field, and writes nothing", async () => {
    const response = await rest("POST", "/enterprise/licenses/create", {
      organizationId: organizationIds[2],
      tier: "GOLD",
      termMonths: 0,
    });
    expect(response.status).toBe(400);
    const body = (await response.json()) as {
      message: string;
      data: { code: string; field: string };
      issues: { path: string[] }[];
    };
    expect(body.data.code).toBe("VALIDATION_FAILED");
    expect(["tier", "termMonths"]).toContain(body.data.field);
    const check = await rest("POST", "/enterprise/licenses/create", {
      organizationId: organizationIds[2],
      tier: "STARTER",
    });
    expect(check.status).toBe(200);
  });

  it("answers 404 for an unknown license and 400 for a malformed id or key", async () => {
    expect((await rest("GET", "/enterprise/licenses/00000000-0000-4000-8000-000000000000")).status).toBe(404);
    expect((await rest("GET", "/enterprise/licenses/not-a-uuid")).status).toBe(400);
    const badKey = await rest("POST", "/enterprise/licenses/validate", { key: "TSR-12345" }, null);
    expect(badKey.status).toBe(400);
    expect(((await badKey.json()) as { data: { field: string } }).data.field).toBe("key");
  });
});
