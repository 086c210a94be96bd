import { randomBytes } from "node:crypto";
import { createDb, createFreshDatabase } from "@tessera/db";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, expect, it } from "vitest";
import { createApiKey } from "../src/api-keys/service.ts";
import { type RunningApp, startApp } from "../src/app.ts";
import { loadConfig } from "../src/config.ts";
import { createLicense } from "../src/licenses/create.ts";
import { activateLicense, suspendLicense } from "../src/licenses/lifecycle.ts";
import { createOrganization } from "../src/organizations/service.ts";
import { enableAPI } from "../src/white-label/api-access.ts";
import { testConnection } from "./database.ts";
import { RACES_NEED_POSTGRES, raceDescribe } from "./races-need-postgres.ts";
import { type RunningPgBouncer, startPgBouncer } from "./support/pgbouncer.ts";

/**
 * Two real `startApp` instances behind a real PgBouncer in transaction pooling (five server
 * connections for both), as DATABASE_POOLER=pgbouncer runs them: queries as unnamed
 * statements through the pooler, migrations and LISTEN on the direct URL.
 */
raceDescribe(`behind PgBouncer in transaction mode ${RACES_NEED_POSTGRES}`, () => {
  let bouncer: RunningPgBouncer;
  let drop: () => Promise<void>;
  let one: RunningApp;
  let two: RunningApp;
  let directUrl = "";
  let organizationId = "";
  let writeKey = "";
  const licenses: { id: string; key: string }[] = [];

  beforeAll(async () => {
    bouncer = await startPgBouncer({ poolSize: 5 });
    const fresh = await createFreshDatabase(process.env.DATABASE_URL ?? "", "tessera_pgb");
    drop = fresh.drop;
    directUrl = fresh.url;
    const config = loadConfig({
      LOG_LEVEL: "silent",
      PORT: "0",
      DATA_DIR: "/tmp/tessera-pgbouncer-test",
      ENCRYPTION_KEY: randomBytes(32).toString("base64"),
      SEED_DEMO: "false",
      // limiter counters in PostgreSQL too, so every validation writes through the pooler
      RATE_LIMIT_STORE: "postgres",
      // far longer than the test: only a notification can end a cached answer in time
      VALIDATION_CACHE_TTL_SECONDS: "3600",
    });
    const connection = testConnection(fresh.url, bouncer.url);
    one = await startApp(config, { dbHandle: await createDb(connection), jobs: false });
    two = await startApp(config, { dbHandle: await createDb(connection), jobs: false });
    const system = { db: one.deps.db, clock: one.deps.clock, actor: null, ip: null };
    // one license in force per organisation: twenty organisations, so validations spread over keys
    for (let index = 0; index < 20; index++) {
      const organization = await createOrganization(system, {
        name: `Pooled ${index}`,
        slug: `pooled-${index}`,
        contactName: "P",
        contactEmail: `p@pooled-${index}.test`,
        metadata: {},
      });
      const { license, key } = await createLicense(system, {
        organizationId: organization.id,
        tier: "STARTER",
        termMonths: 12,
        autoRenew: false,
      });
      await activateLicense(system, license.id);
      licenses.push({ id: license.id, key });
      organizationId = organization.id;
    }
    await enableAPI(system, organizationId, true);
    writeKey = (await createApiKey(system, { organizationId, name: "usage", scopes: ["usage:write"] })).key;
  }, 60_000);
  afterAll(async () => {
    await two?.close();
    await one?.close();
    await bouncer?.stop();
    await drop?.();
  });

  const post = (app: RunningApp, path: string, body: unknown, key?: string) =>
    fetch(`${app.url}/api${path}`, {
      method: "POST",
      headers: { "content-type": "application/json", ...(key ? { authorization: `Bearer ${key}` } : {}) },
      body: JSON.stringify(body),
    });

  const validate = async (app: RunningApp, key: string) => {
    const response = await post(app, "/v1/licenses/validate", { key });
    return `${response.status} ${((await response.json()) as { code?: string }).code}`;
  };

  it("answers 200 REST validations across both instances with no failure", async () => {
    const answers = await Promise.all(
      Array.from({ length: 200 }, (_, index) =>
        validate(index % 2 ? two : one, licenses[index % licenses.length]?.key ?? ""),
      ),
    );
    expect(answers.filter((answer) => answer !== "200 VALID")).toEqual([]);
  });

  it("carries a license change on one instance to the other's cache through LISTEN on the direct URL", async () => {
    const license = licenses[0] ?? { id: "", key: "" };
    expect(await validate(two, license.key)).toBe("200 VALID"); // cached on instance two
    const system = { db: one.deps.db, clock: one.deps.clock, actor: null, ip: null };
    await suspendLicense(system, license.id, "unpaid");
    const end = Date.now() + 3000;
    let answer = await validate(two, license.key);
    while (Date.now() < end && answer !== "200 SUSPENDED") {
      await new Promise((resolve) => setTimeout(resolve, 25));
      answer = await validate(two, license.key);
    }
    expect(answer).toBe("200 SUSPENDED");
  });

  it("counts usage batches that share idempotency keys once, sent at once to both instances", async () => {
    const events = Array.from({ length: 20 }, (_, index) => ({
      metric: "API_CALLS",
      value: index + 1,
      idempotencyKey: `pooled-${index}`,
    }));
    const answers = await Promise.all(
      Array.from({ length: 10 }, async (_, batch) => {
        const response = await post(batch % 2 ? two : one, "/v1/usage/events/batch", { events }, writeKey);
        return {
          status: response.status,
          ...((await response.json()) as { accepted: number; duplicates: number }),
        };
      }),
    );
    expect(answers.map((answer) => answer.status)).toEqual(Array(10).fill(200));
    expect(answers.reduce((sum, answer) => sum + answer.accepted, 0)).toBe(20);
    const [row] = await one.deps.dbHandle.rows<{ total: string }>(
      sql`select coalesce(sum(value), 0)::text as total from usage_events where organization_id = ${organizationId}`,
    );
    expect(row?.total).toBe(String((20 * 21) / 2));
  });

  it("answers reads sent at once on one client connection, with and without parameters", async () => {
    // A pooler hands the server back at each ReadyForQuery: a query the client had already
    // pipelined behind it (postgres.js' default) could be left with no server and never answer.
    const handle = await createDb({ ...testConnection(directUrl, bouncer.url), maxConnections: 1 });
    try {
      const reads = Array.from({ length: 40 }, (_, index) =>
        handle.rows<{ n: number }>(index % 2 ? sql`select 1 as n` : sql`select ${index}::int as n`),
      );
      const timedOut = new Promise<"timed out">((resolve) => setTimeout(() => resolve("timed out"), 5000));
      const answered = await Promise.race([Promise.all(reads).then((rows) => rows.length), timedOut]);
      expect(answered).toBe(40);
    } finally {
      await handle.close();
    }
  });

  it("leaves no notification on a pooled server connection (PgBouncer's 'not linked')", () => {
    expect(bouncer.log()).toContain("listening on 127.0.0.1");
    expect(bouncer.log()).not.toMatch(/not linked/);
  });
});
