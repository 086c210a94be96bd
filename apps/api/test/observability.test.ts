import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type RunningApp, startApp } from "../src/app.ts";
import { loadConfig } from "../src/config.ts";
import { DEMO_PASSWORD } from "../src/seed/demo.ts";
import { openTestDatabase } from "./database.ts";

/**
 * The real server with its JSON log lines captured: request ids, access lines, /metrics,
 * security headers, and no credential in any line.
 */
const METRICS_TOKEN = "metrics-token-for-tests-0123";
const lines: string[] = [];
let app: RunningApp;
let licenseKey = "";
beforeAll(async () => {
  const config = loadConfig({
    PORT: "0",
    DATA_DIR: "/tmp/tessera-observability-test",
    SEED_DEMO: "true",
    LOG_LEVEL: "info",
    METRICS_TOKEN,
  });
  app = await startApp(config, {
    dbHandle: await openTestDatabase(),
    logDestination: { write: (line: string) => void lines.push(line) },
  });
  licenseKey = app.seeded?.licenseKey ?? "";
});
afterAll(() => app.close());

const logged = () => lines.map((line) => JSON.parse(line) as Record<string, unknown>);
const trpcPost = (path: string, body: unknown, headers: Record<string, string> = {}) =>
  fetch(`${app.url}/trpc/${path}`, {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body: JSON.stringify({ json: body }),
  });
const metricsText = async () =>
  (await fetch(`${app.url}/metrics`, { headers: { authorization: `Bearer ${METRICS_TOKEN}` } })).text();

describe("request ids and access log", () => {
  it("every response carries an X-Request-Id; a proxy's is kept, and the access line names it", async () => {
    const fresh = await fetch(`${app.url}/healthz`);
    expect(fresh.headers.get("x-request-id")).toMatch(/^[0-9a-f-]{36}$/);
    const kept = await fetch(`${app.url}/healthz`, { headers: { "x-request-id": "edge-abc12345" } });
    expect(kept.headers.get("x-request-id")).toBe("edge-abc12345");
    const hostile = await fetch(`${app.url}/healthz`, { headers: { "x-request-id": "<script>" } });
    expect(hostile.headers.get("x-request-id")).toMatch(/^[0-9a-f-]{36}$/);

    const line = logged().find((entry) => entry.requestId === "edge-abc12345");
    expect(line).toMatchObject({
      level: "info",
      msg: "request",
      service: "tessera-api",
      method: "GET",
      path: "/healthz",
      status: 200,
      durationMs: expect.any(Number),
      time: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T/),
    });
  });

  it("logs the path without its query (tRPC inputs and SSO codes stay out)", async () => {
    await fetch(`${app.url}/trpc/auth.me?input=${encodeURIComponent('{"json":{"secret":"q-secret-123"}}')}`);
    expect(lines.join("\n")).not.toContain("q-secret-123");
    expect(logged().some((entry) => entry.path === "/trpc/auth.me")).toBe(true);
  });
});

describe("no credential in any log line", () => {
  it("after password sign-in, session use, license validation and API key creation", async () => {
    const signIn = await trpcPost("auth.signIn", { email: "owner@northwind.test", password: DEMO_PASSWORD });
    const cookie = signIn.headers.get("set-cookie")?.split(";")[0] ?? "";
    const session = cookie.split("=")[1] ?? "";
    expect(session.length).toBeGreaterThan(20);
    await trpcPost("auth.signIn", { email: "owner@northwind.test", password: "wrong-password-xyz" });
    const created = await trpcPost(
      "apiKeys.createMine",
      { name: "log test", scopes: ["usage:write"] },
      { cookie, origin: app.url },
    );
    const apiKey = ((await created.json()) as { result?: { data: { json: { key: string } } } }).result?.data
      .json.key;
    await fetch(`${app.url}/api/v1/licenses/validate`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ key: licenseKey }),
    });
    await fetch(`${app.url}/trpc/auth.me`, { headers: { cookie, authorization: `Bearer ${apiKey ?? "x"}` } });
    const all = lines.join("\n");
    for (const secret of [DEMO_PASSWORD, "wrong-password-xyz", session, licenseKey, apiKey ?? "no key"]) {
      expect(secret.length).toBeGreaterThan(8);
      expect(all).not.toContain(secret);
    }
  });
});

describe("/metrics", () => {
  it("needs the token when one is set", async () => {
    expect((await fetch(`${app.url}/metrics`)).status).toBe(401);
    expect(
      (await fetch(`${app.url}/metrics`, { headers: { authorization: "Bearer wrong-token-wrong-token" } }))
        .status,
    ).toBe(401);
  });

  it("counts requests, procedures, validations, ingestion and job runs in Prometheus text", async () => {
    await fetch(`${app.url}/api/v1/licenses/validate`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ key: "TSR-UNKNOWN-KEY-0000-0000" }),
    });
    await trpcPost("auth.signIn", { email: "nobody@nowhere.test", password: "irrelevant-pass" });
    const response = await fetch(`${app.url}/metrics`, {
      headers: { authorization: `Bearer ${METRICS_TOKEN}` },
    });
    expect(response.headers.get("content-type")).toContain("text/plain");
    const text = await metricsText();
    expect(text).toMatch(/tessera_http_requests_total\{route="\/healthz",method="GET",status="200"\} \d+/);
    expect(text).toMatch(/tessera_http_request_duration_seconds_bucket\{le="0.005",route="\/trpc"\} \d+/);
    expect(text).toMatch(/tessera_procedure_calls_total\{procedure="auth.signIn",outcome="ok"\} [1-9]/);
    expect(text).toMatch(
      /tessera_procedure_calls_total\{procedure="auth.signIn",outcome="INVALID_CREDENTIALS"\} [1-9]/,
    );
    expect(text).toMatch(/tessera_license_validations_total\{outcome="VALID"\} [1-9]/);
    expect(text).toMatch(/tessera_process_resident_memory_bytes \d+/);
    // the scheduler ran each job once at start
    expect(text).toMatch(/tessera_job_runs_total\{job="license-sweep",outcome="ok"\} [1-9]/);
  });
});

describe("security headers", () => {
  it("on the API and the SPA: strict CSP without inline scripts, nosniff, referrer policy, no framing", async () => {
    for (const path of ["/healthz", "/trpc/auth.me", "/sign-in"]) {
      const response = await fetch(`${app.url}${path}`);
      const csp = response.headers.get("content-security-policy") ?? "";
      expect(csp).toContain("script-src 'self'");
      expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
      expect(csp).toContain("frame-ancestors 'none'");
      expect(response.headers.get("x-content-type-options")).toBe("nosniff");
      expect(response.headers.get("referrer-policy")).toBe("strict-origin-when-cross-origin");
      expect(response.headers.get("strict-transport-security")).toBeNull(); // plain http here
    }
  });
});
