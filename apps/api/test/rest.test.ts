import { randomBytes } from "node:crypto";
import { Validator } from "@seriousme/openapi-schema-validator";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApiKey } from "../src/api-keys/service.ts";
import { type RunningApp, startApp } from "../src/app.ts";
import { loadConfig } from "../src/config.ts";
import { createOrganization } from "../src/organizations/service.ts";
import type { ErrorEnvelope } from "../src/rest/envelope.ts";
import { openTestDatabase } from "./database.ts";
import { useRestClient } from "./support/rest-client.ts";

/** The REST core: clean paths, the error envelope, 201 + Location, idempotency, old paths kept. */
let app: RunningApp;
let serviceKey = "";
let readOnlyKey = "";
const organizationIds: string[] = [];
const rest = useRestClient("rest.test.ts", () => app.url);
type License = { id: string; status: string; version: number; expiresAt: string };

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
  const key = async (scopes: ("licenses:write" | "licenses:read")[]) =>
    (await createApiKey(system, { organizationId: null, name: scopes.join(" "), scopes })).key;
  serviceKey = await key(["licenses:write", "licenses:read"]);
  readOnlyKey = await key(["licenses:read"]);
  for (const slug of ["rest-one", "rest-two", "rest-three", "rest-four", "rest-five"]) {
    const organization = await createOrganization(system, {
      name: slug,
      slug,
      contactName: "R",
      contactEmail: `r@${slug}.test`,
      metadata: {},
    });
    organizationIds.push(organization.id);
  }
}, 60_000);
afterAll(() => app?.close());

const organization = (index: number) => organizationIds[index] ?? "";
const createLicense = (index: number, headers: Record<string, string> = {}) =>
  rest<{ license: License; key: string }>("POST", "/api/v1/licenses", {
    key: serviceKey,
    body: { organizationId: organization(index), tier: "STARTER" },
    headers,
  });

describe("REST document", () => {
  it("is a valid OpenAPI 3.1 document declaring every status with the error envelope", async () => {
    const response = await fetch(`${app.url}/api/openapi.json`);
    const document = (await response.json()) as {
      openapi: string;
      paths: Record<string, Record<string, { responses: Record<string, { content?: unknown }> }>>;
    };
    expect(document.openapi).toBe("3.1.0");
    const result = await new Validator().validate(document as never);
    expect(result.errors ?? []).toEqual([]);
    const create = document.paths["/v1/licenses"]?.post;
    expect(Object.keys(create?.responses ?? {})).toEqual(
      expect.arrayContaining([
        "201",
        "400",
        "401",
        "403",
        "404",
        "409",
        "413",
        "415",
        "422",
        "429",
        "500",
        "503",
      ]),
    );
    expect(JSON.stringify(create?.responses["429"])).toContain("Retry-After");
  });
});

describe("REST licenses over clean paths", () => {
  it("creates with 201 and Location, then activates, reads, renews and validates", async () => {
    const created = await createLicense(0);
    expect(created.status).toBe(201);
    const { license, key } = created.body;
    expect(created.headers.get("location")).toBe(`/api/v1/licenses/${license.id}`);
    const activated = await rest<License>("POST", `/api/v1/licenses/${license.id}/activate`, {
      key: serviceKey,
      body: {},
    });
    expect(activated.body.status).toBe("ACTIVE");
    const fetched = await rest<License>("GET", created.headers.get("location") ?? "", { key: readOnlyKey });
    expect(fetched.body.id).toBe(license.id);
    const renew = (expectedVersion: number) =>
      rest<License>("POST", `/api/v1/licenses/${license.id}/renew`, {
        key: serviceKey,
        body: { expectedVersion },
      });
    const renewed = await renew(activated.body.version);
    expect(new Date(renewed.body.expiresAt).getTime()).toBeGreaterThan(
      new Date(activated.body.expiresAt).getTime(),
    );
    const stale = await renew(activated.body.version);
    expect(stale.status).toBe(409);
    expect((stale.body as unknown as ErrorEnvelope).error).toMatchObject({
      type: "conflict_error",
      code: "STALE_VERSION",
    });
    const validated = await rest("POST", "/api/v1/licenses/validate", { body: { key, feature: "SSO" } });
    expect(validated.body).toMatchObject({ valid: false, code: "FEATURE_NOT_ENTITLED" });
  });

  it("keeps the seed's paths working (200 on create, ids in the body)", async () => {
    const created = await rest<{ license: License }>("POST", "/api/enterprise/licenses/create", {
      key: serviceKey,
      body: { organizationId: organization(1), tier: "STARTER" },
    });
    expect(created.status).toBe(200);
    const activated = await rest<License>("POST", "/api/enterprise/licenses/activate", {
      key: serviceKey,
      body: { licenseId: created.body.license.id },
    });
    expect(activated.body.status).toBe("ACTIVE");
    const renewed = await rest("PUT", `/api/enterprise/licenses/${created.body.license.id}/renew`, {
      key: serviceKey,
      body: {},
    });
    expect(renewed.status).toBe(200);
  });
});

describe("REST error envelope", () => {
  const envelope = (answer: { body: unknown }) => (answer.body as ErrorEnvelope).error;

  it("names the field of bad input, with the request id, and writes nothing", async () => {
    const bad = await rest("POST", "/api/v1/licenses", {
      key: serviceKey,
      body: { organizationId: organization(2), tier: "GOLD" },
    });
    expect(bad.status).toBe(400);
    expect(envelope(bad)).toMatchObject({
      type: "invalid_request_error",
      code: "VALIDATION_FAILED",
      field: "tier",
    });
    expect(envelope(bad).message).toBe("tier must be one of STARTER, PROFESSIONAL, ENTERPRISE, CUSTOM");
    expect(envelope(bad).requestId).toBe(bad.headers.get("x-request-id"));
    expect((await createLicense(2)).status).toBe(201); // nothing half-written blocks a good create
  });

  it("answers 401, 403, 404, 415 and malformed JSON in the envelope", async () => {
    const body = { organizationId: organization(3), tier: "STARTER" };
    expect(envelope(await rest("POST", "/api/v1/licenses", { body }))).toMatchObject({
      type: "authentication_error",
      code: "UNAUTHENTICATED",
    });
    expect(envelope(await rest("POST", "/api/v1/licenses", { body, key: readOnlyKey }))).toMatchObject({
      type: "permission_error",
      code: "FORBIDDEN",
    });
    const missing = await rest("GET", "/api/v1/licenses/00000000-0000-4000-8000-000000000000", {
      key: serviceKey,
    });
    expect(envelope(missing)).toMatchObject({ type: "not_found_error", code: "NOT_FOUND" });
    const media = await rest("POST", "/api/v1/licenses", {
      key: serviceKey,
      rawBody: "tier=STARTER",
      headers: { "content-type": "application/x-www-form-urlencoded" },
    });
    expect(media.status).toBe(415);
    expect(envelope(media)).toMatchObject({ code: "UNSUPPORTED_MEDIA_TYPE", field: "Content-Type" });
    const malformed = await rest("POST", "/api/v1/licenses", { key: serviceKey, rawBody: '{"tier": ' });
    expect(malformed.status).toBe(400);
    expect(envelope(malformed)).toMatchObject({ code: "VALIDATION_FAILED", field: "body" });
    const unknown = await rest("GET", "/api/v1/nothing-here", { key: serviceKey });
    expect(envelope(unknown)).toMatchObject({ code: "NOT_FOUND" });
  });

  it("refuses a cross-site POST in the envelope", async () => {
    const response = await fetch(`${app.url}/api/v1/licenses`, {
      method: "POST",
      headers: { origin: "https://evil.example", "content-type": "application/json" },
      body: "{}",
    });
    expect(response.status).toBe(403);
    expect(((await response.json()) as ErrorEnvelope).error).toMatchObject({
      type: "permission_error",
      code: "FORBIDDEN",
      requestId: response.headers.get("x-request-id"),
    });
  });
});

describe("REST Idempotency-Key", () => {
  it("answers a retry with the stored result, once, and refuses the key with another body", async () => {
    const headers = { "Idempotency-Key": "create-org-4" };
    const first = await createLicense(4, headers);
    const retry = await createLicense(4, headers);
    expect(retry.status).toBe(201);
    expect(retry.headers.get("idempotent-replayed")).toBe("true");
    expect(retry.body.license.id).toBe(first.body.license.id);
    expect(retry.headers.get("location")).toBe(first.headers.get("location"));
    const other = await rest("POST", "/api/v1/licenses", {
      key: serviceKey,
      body: { organizationId: organization(4), tier: "PROFESSIONAL" },
      headers,
    });
    expect(other.status).toBe(422);
    expect((other.body as ErrorEnvelope).error).toMatchObject({
      type: "idempotency_error",
      code: "IDEMPOTENCY_KEY_REUSED",
      field: "Idempotency-Key",
    });
  });
});
