import { sql } from "drizzle-orm";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type RunningApp, startApp } from "../src/app.ts";
import { loadConfig } from "../src/config.ts";
import { openApiDocument } from "../src/openapi.ts";
import { appRouter } from "../src/router.ts";
import { openTestDatabase } from "./database.ts";
import { callPath, createTestHarness, PERSONAS, type TestHarness } from "./harness.ts";
import { anyHostile, hostileFor } from "./support/hostile-input.ts";

/**
 * Every procedure, as every persona, with hostile input derived from its zod schema: no
 * answer may be a 5xx, and a refused call must leave the database exactly as it was.
 */
const RUNS_PER_PERSONA = 3;
const SEED = 20261129;

let h: TestHarness;
beforeAll(async () => {
  h = await createTestHarness({ DNS_RESOLVER: "127.0.0.1:9" });
});
afterAll(() => h.close());

/** Every table's row count and content hash: what "unchanged" means. */
const snapshot = async (): Promise<string> => {
  const tables = await h.dbHandle.rows<{ name: string }>(
    sql`select table_name as name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE' order by 1`,
  );
  const parts = tables.map(
    ({ name }) =>
      `select '${name}' as t, count(*)::text as n, md5(coalesce(string_agg(x::text, '|' order by x::text), '')) as h from "${name}" x`,
  );
  const rows = await h.dbHandle.rows<{ t: string; n: string; h: string }>(sql.raw(parts.join(" union all ")));
  return rows.map((row) => `${row.t}:${row.n}:${row.h}`).join("\n");
};

type Outcome = { status: number; code: string };
const outcomeOf = async (call: () => Promise<unknown>): Promise<Outcome> => {
  try {
    await call();
    return { status: 200, code: "OK" };
  } catch (error) {
    const shape = error as { code?: string; cause?: unknown; message?: string };
    const status = statusOf(shape.code);
    return { status, code: `${shape.code}: ${shape.message?.slice(0, 120)}` };
  }
};
const STATUS_BY_TRPC_CODE: Record<string, number> = {
  BAD_REQUEST: 400,
  PARSE_ERROR: 400,
  UNAUTHORIZED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  PRECONDITION_FAILED: 412,
  PAYLOAD_TOO_LARGE: 413,
  UNPROCESSABLE_CONTENT: 422,
  TOO_MANY_REQUESTS: 429,
  INTERNAL_SERVER_ERROR: 500,
  SERVICE_UNAVAILABLE: 503,
};
const statusOf = (code: string | undefined) => STATUS_BY_TRPC_CODE[code ?? ""] ?? 500;

describe("fuzzing every procedure", () => {
  const procedures = appRouter._def.procedures as unknown as Record<string, { _def: { inputs: unknown[] } }>;
  const paths = Object.keys(procedures).sort();
  let calls = 0;
  const failures: string[] = [];

  it(`calls each of ${paths.length} procedures ${RUNS_PER_PERSONA}× per persona with hostile input`, async () => {
    let seed = SEED;
    for (const path of paths) {
      const schema = procedures[path]?._def.inputs[0];
      const inputs = fc.sample(schema ? hostileFor(schema) : anyHostile, {
        numRuns: RUNS_PER_PERSONA * PERSONAS.length,
        seed: seed++,
      });
      let index = 0;
      for (const persona of PERSONAS) {
        for (let run = 0; run < RUNS_PER_PERSONA; run++) {
          const input = inputs[index++];
          // The caller first: making it may start the persona's session or touch its key.
          const caller = await h.caller(persona);
          const before = await snapshot();
          const outcome = await outcomeOf(() => callPath(caller, path, input));
          calls++;
          if (outcome.status >= 500) failures.push(`${path} as ${persona}: ${outcome.code}`);
          if (outcome.status !== 200 && (await snapshot()) !== before) {
            failures.push(`${path} as ${persona}: refused (${outcome.code}) but changed the database`);
          }
        }
      }
    }
    console.info(`fuzz: ${calls} procedure calls (seed ${SEED})`);
    expect(failures).toEqual([]);
  }, 900_000);
});

describe("fuzzing the REST endpoints over HTTP", () => {
  let app: RunningApp;
  beforeAll(async () => {
    app = await startApp(
      loadConfig({
        PORT: "0",
        HOST: "127.0.0.1",
        DATA_DIR: "/tmp/tessera-fuzz",
        SEED_DEMO: "true",
        LOG_LEVEL: "silent",
      }),
      { dbHandle: await openTestDatabase(), jobs: false },
    );
  });
  afterAll(() => app.close());

  it("answers hostile bodies, paths and headers with 4xx, never 5xx", async () => {
    const paths = openApiDocument().paths ?? {};
    const endpoints = Object.entries(paths).flatMap(([path, item]) =>
      Object.keys(item ?? {}).map((method) => ({ path, method: method.toUpperCase() })),
    );
    const bodies = fc.sample(anyHostile, { numRuns: 12, seed: SEED });
    const credentials = [
      undefined,
      "Bearer tsk_nope_nope",
      "Bearer ",
      "Basic YTpi",
      "Bearer x".repeat(2_000),
    ];
    const failures: string[] = [];
    let calls = 0;
    for (const { path, method } of endpoints) {
      for (const [i, body] of bodies.entries()) {
        // Path parameters get hostile values too.
        const target = path.replace(/\{[^}]+\}/g, () =>
          encodeURIComponent(String(bodies[(i + 1) % bodies.length])),
        );
        const authorization = credentials[i % credentials.length];
        const response = await fetch(`${app.url}/api${target}`, {
          method,
          headers: {
            "content-type": i % 4 === 3 ? "text/plain" : "application/json",
            ...(authorization ? { authorization } : {}),
          },
          ...(method === "GET" ? {} : { body: i % 5 === 4 ? "{not json" : (JSON.stringify(body) ?? "") }),
        });
        await response.arrayBuffer();
        calls++;
        if (response.status >= 500) failures.push(`${method} ${target}: ${response.status}`);
      }
    }
    console.info(`fuzz: ${calls} REST calls over HTTP`);
    expect(failures).toEqual([]);
  }, 300_000);
});
