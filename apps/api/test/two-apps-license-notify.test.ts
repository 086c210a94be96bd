import { randomBytes } from "node:crypto";
import { createDb } from "@tessera/db";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type RunningApp, startApp } from "../src/app.ts";
import { loadConfig } from "../src/config.ts";
import { openTestDatabase, testConnection } from "./database.ts";

/**
 * Two real `startApp` instances on one PostgreSQL database, each with its own connection and
 * nothing wired by the test: only the production LISTEN in `startApp` can carry instance 1's
 * license change into instance 2's validation cache. PGlite has one process, so this needs
 * PostgreSQL.
 */
const onPostgres = Boolean(process.env.DATABASE_URL);

describe.skipIf(!onPostgres)(
  "two startApp instances (two processes need PostgreSQL: skipped on PGlite)",
  () => {
    let database: Awaited<ReturnType<typeof openTestDatabase>>;
    let one: RunningApp;
    let two: RunningApp;
    let cookie = "";

    beforeAll(async () => {
      database = await openTestDatabase();
      const config = (seed: boolean) =>
        loadConfig({
          LOG_LEVEL: "silent",
          PORT: "0",
          DATA_DIR: "/tmp/tessera-two-apps-test",
          ENCRYPTION_KEY: randomBytes(32).toString("base64"),
          SEED_DEMO: seed ? "true" : "false",
          // far longer than the test: only a notification can end a cached answer in time
          VALIDATION_CACHE_TTL_SECONDS: "3600",
        });
      // each instance opens its own connections to the one database, as two processes would
      one = await startApp(config(true), {
        dbHandle: await createDb(testConnection(database.url ?? "")),
        jobs: false,
      });
      two = await startApp(config(false), {
        dbHandle: await createDb(testConnection(database.url ?? "")),
        jobs: false,
      });
      const signIn = await post(one, "auth.signIn", {
        email: "admin@tessera.test",
        password: "tessera-demo-2026",
      });
      cookie = signIn.headers.get("set-cookie")?.split(";")[0] ?? "";
    }, 60_000);
    afterAll(async () => {
      await two?.close();
      await one?.close();
      await database?.close();
    });

    const post = (app: RunningApp, path: string, body: unknown) =>
      fetch(`${app.url}/trpc/${path}`, {
        method: "POST",
        headers: { "content-type": "application/json", cookie },
        body: JSON.stringify({ json: body }),
      });

    const call = async <T>(app: RunningApp, path: string, body: unknown): Promise<T> => {
      const response = await post(app, path, body);
      const payload = (await response.json()) as { result?: { data: { json: T } }; error?: unknown };
      if (!payload.result) throw new Error(`${path}: ${JSON.stringify(payload.error)}`);
      return payload.result.data.json;
    };

    const validationCode = async (app: RunningApp, key: string) =>
      (await call<{ code: string }>(app, "licenses.validate", { key })).code;

    it("a suspension through instance 1 changes instance 2's cached validation answer at once", async () => {
      const slug = `notify-${randomBytes(3).toString("hex")}`;
      const organization = await call<{ id: string }>(one, "organizations.create", {
        name: slug,
        slug,
        contactName: "N",
        contactEmail: `n@${slug}.test`,
      });
      const { license, key } = await call<{ license: { id: string }; key: string }>(one, "licenses.create", {
        organizationId: organization.id,
        tier: "PROFESSIONAL",
        termMonths: 12,
      });
      await call(one, "licenses.activate", { licenseId: license.id });
      // instance 2 answers and caches VALID; asking again comes from its cache
      expect(await validationCode(two, key)).toBe("VALID");
      expect(await validationCode(two, key)).toBe("VALID");
      await call(one, "licenses.suspend", { licenseId: license.id, reason: "unpaid" });
      const deadline = Date.now() + 5000;
      let seen = await validationCode(two, key);
      while (seen !== "SUSPENDED" && Date.now() < deadline) {
        await new Promise((resolve) => setTimeout(resolve, 50));
        seen = await validationCode(two, key);
      }
      expect(seen).toBe("SUSPENDED");
    });
  },
);
