import { request as httpRequest } from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type RunningApp, startApp } from "../src/app.ts";
import { loadConfig } from "../src/config.ts";
import { DEMO_PASSWORD } from "../src/seed/demo.ts";
import { openTestDatabase } from "./database.ts";
import { startDnsServer, type TestDnsServer } from "./support/dns-server.ts";

/**
 * A customer's verified custom domain (its DNS is theirs) serves only that organisation's
 * portal: staff cannot sign in there, a staff session is not honoured there, nor are other
 * organisations' people. The real server over HTTP, requests carrying the Host they would.
 */
const PORTAL_HOST = "learn.northwind-academy.com";
let app: RunningApp;
let dns: TestDnsServer;
beforeAll(async () => {
  dns = await startDnsServer();
  const config = loadConfig({
    PORT: "0",
    DATA_DIR: "/tmp/tessera-portal-host-test",
    SEED_DEMO: "true",
    LOG_LEVEL: "silent",
    DNS_RESOLVER: dns.address,
    LOGIN_BACKOFF_BASE_SECONDS: "0",
  });
  app = await startApp(config, { dbHandle: await openTestDatabase(), jobs: false });
  // Northwind (PROFESSIONAL) claims the domain and proves it through DNS, as its admin would.
  const owner = await signIn("owner@northwind.test");
  const set = await trpc("whiteLabel.setCustomDomain", { hostname: PORTAL_HOST }, { cookie: owner.cookie });
  const verification = set.body.result?.data.json?.verification as { name: string; value: string };
  dns.setTxt(verification.name, [verification.value]);
  const verified = await trpc("whiteLabel.verifyDomain", undefined, { cookie: owner.cookie });
  expect(verified.body.result?.data.json?.status).toBe("VERIFIED");
});
afterAll(async () => {
  await app?.close();
  await dns?.close();
});

interface Envelope {
  result?: { data: { json: Record<string, unknown> | null } };
  error?: { json: { message: string; data: { code: string; field?: string; signInUrl?: string | null } } };
}

/** node:http rather than fetch: fetch always sends the Host of the URL it is given. */
const send = (method: string, path: string, headers: Record<string, string>, body?: string) =>
  new Promise<{ status: number; body: Envelope; setCookie: string }>((resolve, reject) => {
    const request = httpRequest(`${app.url}${path}`, { method, headers }, (response) => {
      const chunks: Buffer[] = [];
      response.on("data", (chunk: Buffer) => chunks.push(chunk));
      response.on("end", () =>
        resolve({
          status: response.statusCode ?? 0,
          body: JSON.parse(Buffer.concat(chunks).toString("utf8")) as Envelope,
          setCookie: response.headers["set-cookie"]?.[0] ?? "",
        }),
      );
    });
    request.on("error", reject);
    request.end(body);
  });

const trpc = (path: string, input: unknown, headers: Record<string, string> = {}) =>
  send(
    "POST",
    `/trpc/${path}`,
    { "content-type": "application/json", ...headers },
    JSON.stringify({ json: input }),
  );
const trpcGet = (path: string, headers: Record<string, string>) => send("GET", `/trpc/${path}`, headers);

const signIn = async (email: string, headers: Record<string, string> = {}, password = DEMO_PASSWORD) => {
  const { status, body, setCookie } = await trpc("auth.signIn", { email, password }, headers);
  return {
    status,
    code: body.error?.json.data.code,
    message: body.error?.json.message,
    cookie: setCookie.split(";")[0] ?? "",
  };
};
const onPortal = { host: PORTAL_HOST };

describe("security", () => {
  it("refuses staff password sign-in on the customer's domain, naming where to sign in", async () => {
    const refused = await signIn("admin@tessera.test", onPortal);
    expect(refused).toMatchObject({ status: 403, code: "STAFF_SIGN_IN_ELSEWHERE", cookie: "" });
    expect(refused.message).toMatch(/Tessera's own address/);
    // A wrong password answers as anywhere else: the refusal above confirms nothing new.
    expect(await signIn("admin@tessera.test", onPortal, "wrong-password")).toMatchObject({
      status: 401,
      code: "INVALID_CREDENTIALS",
    });
    expect((await signIn("admin@tessera.test")).status).toBe(200);
  });

  it("refuses customers of other organisations there; the organisation's own people sign in", async () => {
    expect(await signIn("owner@globex.test", onPortal)).toMatchObject({
      status: 403,
      code: "SIGN_IN_ELSEWHERE",
    });
    const member = await signIn("member@northwind.test", onPortal);
    expect(member.status).toBe(200);
    const me = await trpcGet("auth.me", { ...onPortal, cookie: member.cookie });
    expect(me.body.result?.data.json).toMatchObject({ email: "member@northwind.test" });
  });

  it("does not honour a staff session presented there: signed out, the portal's sign-in is themed", async () => {
    const staff = await signIn("admin@tessera.test");
    expect((await trpcGet("auth.me", { cookie: staff.cookie })).body.result?.data.json).toMatchObject({
      kind: "STAFF",
    });
    const there = { ...onPortal, cookie: staff.cookie };
    expect((await trpcGet("auth.me", there)).body.result?.data.json).toBeNull();
    expect((await trpcGet("organizations.list", there)).status).toBe(401);
    expect((await trpcGet("whiteLabel.theme", there)).body.result?.data.json).toMatchObject({
      source: "DOMAIN",
    });
    // …and another organisation's customer session neither.
    const globex = await signIn("owner@globex.test");
    expect(
      (await trpcGet("auth.me", { ...onPortal, cookie: globex.cookie })).body.result?.data.json,
    ).toBeNull();
  });
});
