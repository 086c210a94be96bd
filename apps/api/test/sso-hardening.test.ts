import { randomUUID } from "node:crypto";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { ssoLoginStates } from "@tessera/db/schema";
import { and, count, eq, gt } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type RunningApp, startApp } from "../src/app.ts";
import { fixedClock } from "../src/clock.ts";
import { loadConfig } from "../src/config.ts";
import { DEMO_PASSWORD } from "../src/seed/demo.ts";
import { openTestDatabase } from "./database.ts";
import { startOidcProvider, type TestOidcProvider } from "./support/oidc-provider.ts";

/**
 * The anonymous edge of OIDC sign-in over real HTTP: which addresses the server will call for
 * an organisation's provider (issuer, and whatever its discovery document names), how often,
 * and how many starts and pending sign-ins it accepts. "Inside" is a loopback server that
 * counts every connection made to it; nothing here leaves this machine.
 */
const PENDING_CAP = 5;
const PER_ORGANIZATION = 40;
const PER_IP = 300;
const MINUTE = 60_000;

let app: RunningApp;
let idp: TestOidcProvider;
let inside: Server;
let insidePort = 0;
let insideConnections = 0;
let provider: Server;
let providerUrl = "";
let brokenDiscoveries = 0;
const clock = fixedClock(new Date());

const listen = async (server: Server) => {
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return (server.address() as AddressInfo).port;
};

beforeAll(async () => {
  inside = createServer((_req, res) => res.end("{}"));
  inside.on("connection", () => insideConnections++);
  insidePort = await listen(inside);
  // a provider whose discovery document names internal token and JWKS endpoints, and one that fails
  provider = createServer((req, res) => {
    if (req.url?.startsWith("/broken/")) {
      brokenDiscoveries++;
      res.writeHead(500).end();
      return;
    }
    const inner = `http://0.0.0.0:${insidePort}`;
    res.writeHead(200, { "content-type": "application/json" }).end(
      JSON.stringify({
        issuer: `${providerUrl}/pointing-inside`,
        authorization_endpoint: `${providerUrl}/pointing-inside/auth`,
        token_endpoint: `${inner}/token`,
        jwks_uri: `${inner}/jwks`,
        userinfo_endpoint: `${inner}/userinfo`,
        response_types_supported: ["code"],
        subject_types_supported: ["public"],
        id_token_signing_alg_values_supported: ["RS256"],
      }),
    );
  });
  providerUrl = `http://127.0.0.1:${await listen(provider)}`;
  const config = loadConfig({
    LOG_LEVEL: "silent",
    PORT: "0",
    HOST: "127.0.0.1",
    DATA_DIR: "/tmp/tessera-sso-hardening-test",
    SEED_DEMO: "true",
    ALLOW_INSECURE_LOOPBACK: "true",
    SSO_PENDING_MAX_PER_ORGANIZATION: String(PENDING_CAP),
    SSO_START_MAX_PER_ORGANIZATION: String(PER_ORGANIZATION),
    SSO_START_MAX_PER_IP: String(PER_IP),
  });
  app = await startApp(config, { dbHandle: await openTestDatabase(), jobs: false, clock });
  idp = await startOidcProvider(`${app.url}/auth/sso/callback`);
});
afterAll(async () => {
  await idp?.close();
  await app?.close();
  await new Promise<void>((resolve) => inside?.close(() => resolve()));
  await new Promise<void>((resolve) => provider?.close(() => resolve()));
});

const setLoopbackAllowance = (allowed: boolean) => {
  (app.deps.config as { ALLOW_INSECURE_LOOPBACK: boolean }).ALLOW_INSECURE_LOOPBACK = allowed;
};

interface Envelope {
  result?: { data: { json: Record<string, unknown> } };
  error?: { json: { data: { code: string; field?: string } } };
}
const trpc = async (path: string, body: unknown, cookie = "") => {
  const response = await fetch(`${app.url}/trpc/${path}`, {
    method: body === undefined ? "GET" : "POST",
    headers: { "content-type": "application/json", cookie },
    ...(body === undefined ? {} : { body: JSON.stringify({ json: body }) }),
  });
  return { status: response.status, body: (await response.json()) as Envelope, response };
};

let ownerCookie = "";
let northwindId = "";
const configure = (issuer: string) =>
  trpc(
    "whiteLabel.enableSSO",
    {
      protocol: "OIDC",
      issuer,
      clientId: idp.clientId,
      clientSecret: idp.clientSecret,
      allowedDomains: ["northwind.test"],
    },
    ownerCookie,
  );

const start = (organizationId = northwindId) =>
  fetch(`${app.url}/auth/sso/start?organization=${organizationId}`, { redirect: "manual" });
const ssoError = (response: Response) =>
  new URL(response.headers.get("location") ?? "", app.url).searchParams.get("sso_error");
const pendingRows = async () => {
  const [row] = await app.deps.db
    .select({ rows: count() })
    .from(ssoLoginStates)
    .where(and(eq(ssoLoginStates.organizationId, northwindId), gt(ssoLoginStates.expiresAt, clock.now())));
  return row?.rows ?? 0;
};

beforeAll(async () => {
  const signIn = await trpc("auth.signIn", { email: "owner@northwind.test", password: DEMO_PASSWORD });
  ownerCookie = signIn.response.headers.get("set-cookie")?.split(";")[0] ?? "";
  northwindId = String((await trpc("auth.me", undefined, ownerCookie)).body.result?.data.json.organizationId);
  expect((await configure(idp.issuer)).status).toBe(200);
});

describe("the OIDC issuer and what it names go through the outbound-address policy", () => {
  it.each([
    "https://127.0.0.1:8443",
    "https://[::1]/",
    "https://[::ffff:127.0.0.1]/",
    "https://169.254.169.254/latest",
    "https://10.0.0.1/",
    "https://[fd00::1]/",
    "https://[64:ff9b::a00:1]/",
    "https://localhost/",
    "http://idp.example.com/",
  ])("an issuer %s is refused at save time, naming issuer", async (issuer) => {
    setLoopbackAllowance(false);
    try {
      const { status, body } = await configure(issuer);
      expect(status).toBe(400);
      expect(body.error?.json.data).toMatchObject({ code: "VALIDATION_FAILED", field: "issuer" });
    } finally {
      setLoopbackAllowance(true);
    }
  });

  it("an issuer stored before the rule, pointing inside, is never connected to: the start answers SSO_PROVIDER_UNREACHABLE", async () => {
    setLoopbackAllowance(false);
    const before = insideConnections;
    try {
      await app.deps.dbHandle.query(
        `update customizations set value = jsonb_set(value, '{issuer}', to_jsonb($1::text))
          where organization_id = $2 and type = 'SSO'`,
        [`https://127.0.0.1:${insidePort}`, northwindId],
      );
      const response = await start();
      expect(ssoError(response)).toBe("SSO_PROVIDER_UNREACHABLE");
      expect(insideConnections).toBe(before);
    } finally {
      setLoopbackAllowance(true);
      expect((await configure(idp.issuer)).status).toBe(200);
    }
  });

  it("a discovery document that points the token and JWKS endpoints inside gets no request there", async () => {
    expect((await configure(`${providerUrl}/pointing-inside`)).status).toBe(200);
    const before = insideConnections;
    try {
      const started = await start();
      const authorize = new URL(started.headers.get("location") ?? "");
      expect(authorize.href.startsWith(`${providerUrl}/pointing-inside/auth`)).toBe(true);
      const binding = started.headers.getSetCookie()[0]?.split(";")[0] ?? "";
      const state = authorize.searchParams.get("state");
      const callback = await fetch(`${app.url}/auth/sso/callback?code=stolen&state=${state}`, {
        redirect: "manual",
        headers: { cookie: binding },
      });
      expect(ssoError(callback)).toBe("SSO_EXCHANGE_FAILED");
      expect(insideConnections).toBe(before);
    } finally {
      expect((await configure(idp.issuer)).status).toBe(200);
    }
  });

  it("a provider whose discovery fails is asked at most once a minute, however many starts", async () => {
    expect((await configure(`${providerUrl}/broken`)).status).toBe(200);
    try {
      expect(ssoError(await start())).toBe("SSO_PROVIDER_UNREACHABLE");
      expect(ssoError(await start())).toBe("SSO_PROVIDER_UNREACHABLE");
      expect(brokenDiscoveries).toBe(1);
      clock.advance(MINUTE + 1000);
      expect(ssoError(await start())).toBe("SSO_PROVIDER_UNREACHABLE");
      expect(brokenDiscoveries).toBe(2);
    } finally {
      expect((await configure(idp.issuer)).status).toBe(200);
    }
  });
});

describe("anonymous starts are bounded", () => {
  it(`an organisation holds at most ${PENDING_CAP} unfinished sign-ins; expired ones are deleted`, async () => {
    clock.advance(11 * MINUTE);
    for (let n = 0; n < PENDING_CAP; n++) expect(ssoError(await start())).toBeNull();
    const refused = await start();
    expect(ssoError(refused)).toBe("SSO_TOO_MANY_PENDING");
    expect(refused.headers.getSetCookie()).toEqual([]);
    expect(await pendingRows()).toBe(PENDING_CAP);
    clock.advance(11 * MINUTE);
    expect(ssoError(await start())).toBeNull();
    const [all] = await app.deps.db
      .select({ rows: count() })
      .from(ssoLoginStates)
      .where(eq(ssoLoginStates.organizationId, northwindId));
    expect(all?.rows).toBe(1);
  });

  it.skipIf(!process.env.DATABASE_URL)(
    "PostgreSQL: 20 concurrent starts store exactly the cap, the rest are refused",
    async () => {
      clock.advance(11 * MINUTE);
      const answers = await Promise.all(Array.from({ length: 20 }, () => start().then(ssoError)));
      expect(answers.filter((code) => code === null)).toHaveLength(PENDING_CAP);
      expect(answers.filter((code) => code === "SSO_TOO_MANY_PENDING")).toHaveLength(20 - PENDING_CAP);
      expect(await pendingRows()).toBe(PENDING_CAP);
    },
  );

  it(`one organisation gets ${PER_ORGANIZATION} starts a minute, then SSO_RATE_LIMITED with Retry-After`, async () => {
    const organizationId = randomUUID();
    for (let n = 0; n < PER_ORGANIZATION; n++)
      expect(ssoError(await start(organizationId))).toBe("SSO_NOT_CONFIGURED");
    const limited = await start(organizationId);
    expect(ssoError(limited)).toBe("SSO_RATE_LIMITED");
    expect(Number(limited.headers.get("retry-after"))).toBeGreaterThan(0);
    // another organisation is not held back by it
    expect(ssoError(await start(randomUUID()))).toBe("SSO_NOT_CONFIGURED");
  });

  // last: it uses up this client's allowance for the rest of the minute
  it(`one client IP gets ${PER_IP} starts a minute across organisations, then SSO_RATE_LIMITED`, async () => {
    let answered = 0;
    let limited: string | null = null;
    while (answered <= PER_IP && limited === null) {
      const code = ssoError(await start(randomUUID()));
      if (code === "SSO_RATE_LIMITED") limited = code;
      else expect(code).toBe("SSO_NOT_CONFIGURED");
      answered++;
    }
    expect(limited).toBe("SSO_RATE_LIMITED");
    // the configured organisation too: the limit is the client's, whichever organisation it asks for
    expect(ssoError(await start())).toBe("SSO_RATE_LIMITED");
  });
});
