import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type RunningApp, startApp } from "../src/app.ts";
import { loadConfig } from "../src/config.ts";
import { DEMO_PASSWORD } from "../src/seed/demo.ts";
import { openTestDatabase } from "./database.ts";

/** The real server on a loopback port, spoken to with plain fetch as any client would. */
let app: RunningApp;
beforeAll(async () => {
  const config = loadConfig({
    PORT: "0",
    DATA_DIR: "/tmp/tessera-http-test",
    SEED_DEMO: "true",
    LOG_LEVEL: "silent",
  });
  app = await startApp(config, { dbHandle: await openTestDatabase() });
});
afterAll(() => app.close());

const trpcPost = (path: string, body: unknown, headers: Record<string, string> = {}) =>
  fetch(`${app.url}/trpc/${path}`, {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body: JSON.stringify({ json: body }),
  });

const trpcGet = (path: string, input: unknown, headers: Record<string, string> = {}) =>
  fetch(`${app.url}/trpc/${path}?input=${encodeURIComponent(JSON.stringify({ json: input }))}`, { headers });

const signIn = async (email: string) => {
  const response = await trpcPost("auth.signIn", { email, password: DEMO_PASSWORD });
  expect(response.status).toBe(200);
  const cookie = response.headers.get("set-cookie") ?? "";
  return { cookie: cookie.split(";")[0] ?? "", setCookie: cookie };
};

describe("probes", () => {
  it("/healthz answers while the process lives", async () => {
    const response = await fetch(`${app.url}/healthz`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: "ok" });
  });

  it("/readyz answers ready once migrations are applied", async () => {
    const response = await fetch(`${app.url}/readyz`);
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ status: "ready" });
  });
});

describe("sign-in over HTTP", () => {
  it("sets an httpOnly SameSite=Lax cookie that authenticates later requests", async () => {
    const { cookie, setCookie } = await signIn("admin@tessera.test");
    expect(setCookie).toMatch(/HttpOnly/);
    expect(setCookie).toMatch(/SameSite=Lax/);
    const response = await trpcGet("organizations.list", {}, { cookie });
    expect(response.status).toBe(200);
    const body = (await response.json()) as { result: { data: { json: { total: number } } } };
    expect(body.result.data.json.total).toBe(2);
  });

  it("answers 401 without a session and 403 for the wrong kind of user", async () => {
    expect((await trpcGet("organizations.list", {})).status).toBe(401);
    const { cookie } = await signIn("owner@globex.test");
    expect((await trpcGet("organizations.list", {}, { cookie })).status).toBe(403);
  });
});

describe("errors over HTTP", () => {
  it("answers 400 naming the field for bad input", async () => {
    const response = await trpcPost("auth.signIn", { email: "nope", password: "x" });
    expect(response.status).toBe(400);
    const body = (await response.json()) as {
      error: { json: { message: string; data: Record<string, unknown> } };
    };
    expect(body.error.json.data).toMatchObject({ code: "VALIDATION_FAILED", field: "email" });
    expect(body.error.json.message).toMatch(/^email must be /);
    expect(JSON.stringify(body)).not.toMatch(/stack|at .*\.ts/);
  });

  it("answers 400, not 500, for a body that is not JSON", async () => {
    const response = await fetch(`${app.url}/trpc/auth.signIn`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: "{not json",
    });
    expect(response.status).toBe(400);
  });

  it("answers 404 for an unknown id and for an unknown procedure", async () => {
    const { cookie } = await signIn("admin@tessera.test");
    const unknown = await trpcGet(
      "organizations.get",
      { organizationId: "00000000-0000-4000-8000-000000000000" },
      { cookie },
    );
    expect(unknown.status).toBe(404);
    expect((await trpcGet("organizations.nothing", {}, { cookie })).status).toBe(404);
  });

  it("answers 429 with Retry-After once an email's sign-ins are used up", async () => {
    let response: Response | undefined;
    for (let attempt = 0; attempt < 6; attempt++) {
      response = await trpcPost("auth.signIn", { email: "support@tessera.test", password: "wrong-password" });
    }
    expect(response?.status).toBe(429);
    expect(Number(response?.headers.get("retry-after"))).toBeGreaterThan(0);
  });
});

describe("security", () => {
  it("sends the security headers", async () => {
    const response = await fetch(`${app.url}/healthz`);
    expect(response.headers.get("x-content-type-options")).toBe("nosniff");
    expect(response.headers.get("content-security-policy")).toMatch(/frame-ancestors 'none'/);
    expect(response.headers.get("content-security-policy")).not.toMatch(/script-src[^;]*unsafe-inline/);
    expect(response.headers.get("referrer-policy")).toBe("strict-origin-when-cross-origin");
  });

  it("refuses a cross-site mutation even with a valid cookie", async () => {
    const { cookie } = await signIn("owner@northwind.test");
    const response = await trpcPost(
      "team.invite",
      { name: "x", email: "csrf@x.test" },
      {
        cookie,
        origin: "https://evil.example",
      },
    );
    expect(response.status).toBe(403);
  });
});
