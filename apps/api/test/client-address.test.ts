import { auditEvents } from "@tessera/db/schema";
import { desc, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type RunningApp, startApp } from "../src/app.ts";
import { loadConfig } from "../src/config.ts";
import { DEMO_PASSWORD } from "../src/seed/demo.ts";
import { openTestDatabase } from "./database.ts";

/**
 * Behind a proxy (TRUST_PROXY=true, the default trusted ranges: this test's loopback is the
 * "proxy"), the client's address is the right-most X-Forwarded-For entry the proxy appended;
 * whatever the client wrote to the left of it changes nothing.
 */
let app: RunningApp;
beforeAll(async () => {
  const config = loadConfig({
    PORT: "0",
    DATA_DIR: "/tmp/tessera-client-address-test",
    SEED_DEMO: "true",
    LOG_LEVEL: "silent",
    TRUST_PROXY: "true",
    LOGIN_MAX_ATTEMPTS_PER_IP: "3",
  });
  app = await startApp(config, { dbHandle: await openTestDatabase(), jobs: false });
});
afterAll(() => app.close());

let forged = 11;
/** What a client behind our proxy sends: its own made-up entry, then the address the proxy saw. */
const viaProxy = (realClient: string) => ({ "x-forwarded-for": `${forged++}.1.2.3, ${realClient}` });

const signIn = (email: string, password: string, headers: Record<string, string>) =>
  fetch(`${app.url}/trpc/auth.signIn`, {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body: JSON.stringify({ json: { email, password } }),
  });

describe("security", () => {
  it("a forged left-most X-Forwarded-For does not escape the per-address sign-in limit", async () => {
    const statuses: number[] = [];
    for (let attempt = 0; attempt < 4; attempt++) {
      statuses.push((await signIn(`probe${attempt}@x.test`, "guess-guess", viaProxy("198.51.100.7"))).status);
    }
    expect(statuses).toEqual([401, 401, 401, 429]);
    // Another real client behind the same proxy is its own address.
    expect((await signIn("probe@x.test", "guess-guess", viaProxy("198.51.100.8"))).status).toBe(401);
  });

  it("the audit log records the address the proxy saw, not the forged one", async () => {
    const response = await signIn("admin@tessera.test", DEMO_PASSWORD, {
      "x-forwarded-for": "6.6.6.6, 203.0.113.30",
    });
    expect(response.status).toBe(200);
    const [event] = await app.deps.db
      .select({ ip: auditEvents.ip })
      .from(auditEvents)
      .where(eq(auditEvents.action, "auth.signed_in"))
      .orderBy(desc(auditEvents.seq))
      .limit(1);
    expect(event?.ip).toBe("203.0.113.30");
  });
});
