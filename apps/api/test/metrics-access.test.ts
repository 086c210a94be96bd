import { randomBytes } from "node:crypto";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDeps } from "../src/app.ts";
import { type Config, loadConfig } from "../src/config.ts";
import { createRequestHandler } from "../src/http.ts";
import { openTestDatabase } from "./database.ts";

/**
 * Who may read /metrics (issue 13, item 13): with a token only the bearer; without one only in
 * development; production without one does not start, and never serves metrics.
 */
const TOKEN = "metrics-token-for-access-tests";
type Handle = Awaited<ReturnType<typeof openTestDatabase>>;
let handle: Handle;
const servers: Server[] = [];
beforeAll(async () => {
  handle = await openTestDatabase();
}, 90_000);
afterAll(async () => {
  for (const server of servers) await new Promise((resolve) => server.close(resolve));
  await handle.close();
});

/** The real request handler for `config`, on a loopback port. */
const serve = async (config: Config) => {
  const server = createServer(createRequestHandler(createDeps(config, handle)));
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return (authorization?: string) =>
    fetch(`http://127.0.0.1:${port}/metrics`, { headers: authorization ? { authorization } : {} });
};

const env = {
  LOG_LEVEL: "silent",
  DATA_DIR: "/tmp/tessera-metrics-access-test",
  ENCRYPTION_KEY: randomBytes(32).toString("base64"),
};

describe("/metrics access", () => {
  it("asks production callers for the token, and compares it exactly", async () => {
    const metrics = await serve(loadConfig({ ...env, ENVIRONMENT: "production", METRICS_TOKEN: TOKEN }));
    expect((await metrics()).status).toBe(401);
    expect((await metrics(`Bearer ${TOKEN}x`)).status).toBe(401);
    expect((await metrics(`Bearer ${TOKEN.slice(0, -1)}`)).status).toBe(401);
    const allowed = await metrics(`Bearer ${TOKEN}`);
    expect(allowed.status).toBe(200);
    expect(await allowed.text()).toContain("tessera_http_requests_total");
  });

  it("never serves metrics without a token outside development, even if config was bypassed", async () => {
    const development = loadConfig(env);
    const metrics = await serve({ ...development, ENVIRONMENT: "production" });
    expect((await metrics()).status).toBe(404);
    expect(() => loadConfig({ ...env, ENVIRONMENT: "production" })).toThrow(/METRICS_TOKEN/);
  });

  it("serves development without a token, so the demo needs no setup", async () => {
    const metrics = await serve(loadConfig(env));
    expect((await metrics()).status).toBe(200);
  });
});
