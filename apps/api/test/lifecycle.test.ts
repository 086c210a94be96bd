import { mkdtempSync, rmSync } from "node:fs";
import { request } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createDb } from "@tessera/db";
import { sql } from "drizzle-orm";
import { afterAll, describe, expect, it, vi } from "vitest";
import { createDeps, startApp } from "../src/app.ts";
import { loadConfig } from "../src/config.ts";
import { readiness } from "../src/readiness.ts";

const dataDir = mkdtempSync(join(tmpdir(), "tessera-lifecycle-"));
// Each test starts PGlite on disk (twice in the first): allow for a busy machine.
vi.setConfig({ testTimeout: 120_000 });
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

describe("start-up on PGlite under DATA_DIR", () => {
  it("seeds on the first start and keeps the data on the second", async () => {
    const config = loadConfig({ PORT: "0", DATA_DIR: dataDir, LOG_LEVEL: "silent" });
    const first = await startApp(config);
    expect(first.seeded?.licenseKey).toMatch(/^TSR-/);
    const response = await fetch(`${first.url}/trpc/auth.signIn`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ json: { email: "admin@tessera.test", password: "tessera-demo-2026" } }),
    });
    expect(response.status).toBe(200);
    await first.close();

    const second = await startApp(config);
    expect(second.seeded).toBeNull();
    const events = await second.deps.dbHandle.rows<{ n: number }>(
      // the sign-in of the first run is still in the audit log
      sql`select count(*)::int as n from audit_events where action = 'auth.signed_in'`,
    );
    expect(events[0]?.n).toBe(1);
    await second.close();
  });
});

describe("readiness", () => {
  it("is unready until the migrations are applied", async () => {
    const handle = await createDb();
    const deps = createDeps(loadConfig({ LOG_LEVEL: "silent" }), handle);
    expect((await readiness(deps)).ready).toBe(false);
    await handle.migrate();
    expect(await readiness(deps)).toEqual({ ready: true });
    await handle.close();
    expect(await readiness(deps)).toMatchObject({ ready: false, reason: "database unreachable" });
  });
});

describe("graceful shutdown", () => {
  it("finishes a request in flight, then refuses new connections", async () => {
    const app = await startApp(
      loadConfig({ PORT: "0", HOST: "127.0.0.1", DATA_DIR: join(dataDir, "shutdown"), LOG_LEVEL: "silent" }),
      { jobs: false },
    );
    const url = new URL(`${app.url}/trpc/auth.signIn`);
    const body = JSON.stringify({ json: { email: "admin@tessera.test", password: "tessera-demo-2026" } });
    // A sign-in whose body is still arriving when shutdown begins.
    const answered = new Promise<number>((resolve, reject) => {
      const req = request(
        url,
        { method: "POST", headers: { "content-type": "application/json", "content-length": body.length } },
        (res) => {
          res.resume();
          res.on("end", () => resolve(res.statusCode ?? 0));
        },
      );
      req.on("error", reject);
      req.write(body.slice(0, 10));
      setTimeout(() => req.end(body.slice(10)), 300);
    });
    await new Promise((resolve) => setTimeout(resolve, 100));
    const closed = app.close();
    expect(await answered).toBe(200);
    await closed;
    await expect(fetch(`${app.url}/healthz`)).rejects.toThrow();
  });
});
