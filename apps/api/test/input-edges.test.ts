import { mkdirSync, writeFileSync } from "node:fs";
import { request } from "node:http";
import { invitations, usageDaily, usageEvents } from "@tessera/db/schema";
import { count, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type RunningApp, startApp } from "../src/app.ts";
import { loadConfig } from "../src/config.ts";
import { openTestDatabase } from "./database.ts";
import { createTestHarness, errorCode, errorField, type TestHarness } from "./harness.ts";

/**
 * Inputs that used to answer 500 (issue 13, item 10): each is now a 400 naming the field,
 * or a 404, and writes nothing.
 */
let h: TestHarness;
beforeAll(async () => {
  h = await createTestHarness();
}, 90_000);
afterAll(() => h.close());

describe("control characters in text", () => {
  it("refuses a NUL byte in team.invite's name, naming the field, and invites nobody", async () => {
    const owner = await h.caller("ownerA");
    const [before] = await h.db.select({ n: count() }).from(invitations);
    const call = owner.team.invite({ name: "Eve\u0000Null", email: "eve-null@a.test", role: "MEMBER" });
    expect(await errorField(call)).toBe("name");
    expect(await h.db.select({ n: count() }).from(invitations)).toEqual([before]);
  });

  it("refuses NUL in a ticket subject and body, and keeps line breaks in the body", async () => {
    const owner = await h.caller("ownerA");
    expect(await errorField(owner.support.create({ subject: "Help\u0000", description: "x" }))).toBe(
      "subject",
    );
    expect(await errorField(owner.support.create({ subject: "Help", description: "a\u0000b" }))).toBe(
      "description",
    );
    const ticket = await owner.support.create({ subject: "Help", description: "line one\nline two" });
    expect(ticket.reference).toMatch(/^SUP-/);
  });
});

describe("dates out of range", () => {
  it("refuses audit.list from year 0 with a 400 naming `from`", async () => {
    const staff = await h.caller("staffAdmin");
    const call = staff.audit.list({ from: "0000-01-01" as unknown as Date });
    expect(await errorCode(call)).toBe("VALIDATION_FAILED");
    expect(await errorField(call)).toBe("from");
  });
});

describe("usage values", () => {
  const platform = async () => {
    const fixture = await h.newLicensedOrganization("ENTERPRISE");
    const staff = await h.caller("staffAdmin");
    const key = await staff.apiKeys.create({
      organizationId: fixture.organization.id,
      name: "platform",
      scopes: ["usage:write"],
    });
    return { ...fixture, caller: await h.callerWithApiKey(key.key) };
  };
  const eventCount = async (organizationId: string) =>
    (
      await h.db
        .select({ n: count() })
        .from(usageEvents)
        .where(eq(usageEvents.organizationId, organizationId))
    )[0]?.n;

  it("refuses two batches of 1,000 × (2^53 − 1) at the first event, writing nothing", async () => {
    const { organization, caller } = await platform();
    for (const batch of [0, 1]) {
      const events = Array.from({ length: 1000 }, (_, index) => ({
        metric: "API_CALLS" as const,
        value: Number.MAX_SAFE_INTEGER,
        idempotencyKey: `huge-${batch}-${index}`,
      }));
      expect(await errorField(caller.usage.trackBatch({ events }))).toBe("events.0.value");
    }
    expect(await eventCount(organization.id)).toBe(0);
  });

  it("refuses a counter sum past bigint with a 400, and keeps none of the batch", async () => {
    const { organization, caller } = await platform();
    await caller.usage.track({ metric: "API_CALLS", value: 1, idempotencyKey: "first" });
    // A total already near the top, as ~9 million full batches of the largest value would make.
    await h.db
      .update(usageDaily)
      .set({ value: sql`9223372036854775000` })
      .where(eq(usageDaily.organizationId, organization.id));
    const events = [
      { metric: "API_CALLS" as const, value: 1, idempotencyKey: "small" },
      { metric: "API_CALLS" as const, value: 1e12, idempotencyKey: "over" },
    ];
    const call = caller.usage.trackBatch({ events });
    expect(await errorCode(call)).toBe("VALIDATION_FAILED");
    expect(await errorField(call)).toBe("events");
    expect(await eventCount(organization.id)).toBe(1);
  });
});

describe("hostile requests over HTTP", () => {
  let app: RunningApp;
  beforeAll(async () => {
    const webDist = "/tmp/tessera-input-edges-web";
    mkdirSync(`${webDist}/assets`, { recursive: true });
    writeFileSync(`${webDist}/index.html`, "<!doctype html><title>Tessera</title>");
    writeFileSync(`${webDist}/assets/app.js`, "export {};");
    const config = loadConfig({
      PORT: "0",
      DATA_DIR: "/tmp/tessera-input-edges-test",
      SEED_DEMO: "true",
      LOG_LEVEL: "silent",
      WEB_DIST: webDist,
    });
    app = await startApp(config, { dbHandle: await openTestDatabase(), jobs: false });
  }, 90_000);
  afterAll(() => app.close());

  /** A request whose path goes out exactly as written: fetch would resolve `%2e%2e` first. */
  const rawGet = (path: string) =>
    new Promise<{ status: number; body: string }>((resolve, reject) => {
      const { hostname, port } = new URL(app.url);
      const req = request({ hostname, port, path, method: "GET" }, (res) => {
        let body = "";
        res.on("data", (chunk) => {
          body += chunk;
        });
        res.on("end", () => resolve({ status: res.statusCode ?? 0, body }));
      });
      req.on("error", reject);
      req.end();
    });
  const post = (path: string, body: string) =>
    fetch(`${app.url}${path}`, { method: "POST", headers: { "content-type": "application/json" }, body });

  it("answers 400 naming the path to malformed percent-encoding", async () => {
    const response = await rawGet("/%E0%A4%A");
    expect(response.status).toBe(400);
    expect(JSON.parse(response.body)).toMatchObject({ error: { code: "BAD_REQUEST", field: "path" } });
  });

  it("answers 404 to encoded dot segments instead of resolving them into the API", async () => {
    expect((await rawGet("/assets/app.js")).status).toBe(200);
    for (const path of [
      "/assets/%2e%2e/%2e%2e/api/openapi.json",
      "/assets/%2E%2E/api/openapi.json",
      "/assets/.%2e/index.html",
      "/assets/..%2fapi%2fopenapi.json",
    ]) {
      expect({ path, status: (await rawGet(path)).status }).toEqual({ path, status: 404 });
    }
  });

  it("answers 400 to a 100,000-deep JSON body, on tRPC and REST, without an internal message", async () => {
    const deep = `${"[".repeat(100_000)}${"]".repeat(100_000)}`;
    const trpc = await post("/trpc/auth.signIn", `{"json":${deep}}`);
    expect(trpc.status).toBe(400);
    const trpcBody = (await trpc.json()) as { error: { json: { message: string; data: { field: string } } } };
    expect(trpcBody.error.json.data.field).toBe("body");
    expect(trpcBody.error.json.message).not.toMatch(/stack/i);
    const rest = await post("/api/v1/tickets", `{"subject":${deep}}`);
    expect(rest.status).toBe(400);
    expect(await rest.json()).toMatchObject({ error: { code: "VALIDATION_FAILED", field: "body" } });
  });

  it("answers 400 naming the body to a null body, on tRPC, REST and validate", async () => {
    for (const path of ["/trpc/auth.signIn", "/api/v1/tickets", "/api/v1/licenses/validate"]) {
      const response = await post(path, "null");
      const text = await response.text();
      expect({ path, status: response.status }).toEqual({ path, status: 400 });
      expect(text).toContain('"field":"body"');
      expect(text).not.toMatch(/destructure|Cannot read|undefined/);
    }
  });

  it("answers 400 without the parser's words to a body superjson cannot read", async () => {
    const response = await post("/trpc/auth.signIn", '{"json":{},"meta":{"values":{"":["bogus"]}}}');
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({
      error: { json: { message: "input: could not be read", data: { field: "input" } } },
    });
  });
});
