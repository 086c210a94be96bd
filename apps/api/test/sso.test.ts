import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type RunningApp, startApp } from "../src/app.ts";
import { loadConfig } from "../src/config.ts";
import { DEMO_PASSWORD } from "../src/seed/demo.ts";
import { openTestDatabase } from "./database.ts";
import { startDnsServer, type TestDnsServer } from "./support/dns-server.ts";
import { startOidcProvider, type TestOidcProvider } from "./support/oidc-provider.ts";

/**
 * OIDC sign-in end to end: the real API over HTTP (demo data: Northwind is PROFESSIONAL)
 * and a real OpenID provider on loopback, driven through its login and consent pages with
 * plain fetch, as a browser would follow the redirects.
 */
let app: RunningApp;
let idp: TestOidcProvider;
// SSO email domains route sign-ins only once a DNS TXT record proves them: a real DNS server.
let dns: TestDnsServer;
beforeAll(async () => {
  dns = await startDnsServer();
  const config = loadConfig({
    DNS_RESOLVER: dns.address,
    LOG_LEVEL: "silent",
    PORT: "0",
    HOST: "127.0.0.1",
    DATA_DIR: "/tmp/tessera-sso-test",
    SEED_DEMO: "true",
    // the provider runs on http://127.0.0.1: allowed for loopback only, by this flag
    ALLOW_INSECURE_LOOPBACK: "true",
  });
  app = await startApp(config, { dbHandle: await openTestDatabase(), jobs: false });
  idp = await startOidcProvider(`${app.url}/auth/sso/callback`);
});
afterAll(async () => {
  await idp?.close();
  await app?.close();
  await dns?.close();
});

/** Cookies by name per origin: enough for one browser walking through one flow. */
class CookieJar {
  private readonly byOrigin = new Map<string, Map<string, string>>();
  store(url: URL, response: Response) {
    const jar = this.byOrigin.get(url.origin) ?? new Map<string, string>();
    for (const line of response.headers.getSetCookie()) {
      const [pair] = line.split(";");
      const index = pair?.indexOf("=") ?? -1;
      if (!pair || index < 0) continue;
      const value = pair.slice(index + 1);
      if (/expires=Thu, 01 Jan 1970/i.test(line) || value === "") jar.delete(pair.slice(0, index));
      else jar.set(pair.slice(0, index), value);
    }
    this.byOrigin.set(url.origin, jar);
  }
  header(url: URL) {
    return [...(this.byOrigin.get(url.origin) ?? new Map()).entries()]
      .map(([k, v]) => `${k}=${v}`)
      .join("; ");
  }
  get(origin: string, name: string) {
    return this.byOrigin.get(origin)?.get(name);
  }
  /** A cookie the browser already holds (the admin's session, for a connection test). */
  set(origin: string, cookie: string) {
    const [name = "", value = ""] = cookie.split("=");
    const jar = this.byOrigin.get(origin) ?? new Map<string, string>();
    this.byOrigin.set(origin, jar.set(name, value));
  }
}

/**
 * Follow redirects from `start`, filling the provider's login form with `login` and
 * accepting consent, until a response that is not a redirect or lands back on the API
 * outside /auth (or, with `stopAtCallback`, reaches our callback unopened). Returns the
 * final URL and the jar.
 */
const walk = async (start: string, login: string, jar = new CookieJar(), stopAtCallback = false) => {
  let url = new URL(start);
  let init: RequestInit = { method: "GET" };
  for (let hop = 0; hop < 20; hop++) {
    if (stopAtCallback && url.pathname === "/auth/sso/callback") return { url, jar };
    const response = await fetch(url, {
      ...init,
      redirect: "manual",
      headers: { ...(init.headers as Record<string, string>), cookie: jar.header(url) },
    });
    jar.store(url, response);
    const location = response.headers.get("location");
    if (response.status >= 300 && response.status < 400 && location) {
      const next = new URL(location, url);
      if (next.origin === app.url && !next.pathname.startsWith("/auth/")) return { url: next, jar };
      url = next;
      init = { method: "GET" };
      continue;
    }
    const html = await response.text();
    const action = html.match(/<form[^>]*action="([^"]+)"/)?.[1];
    if (!action) throw new Error(`stuck at ${url.href} (${response.status}): ${html.slice(0, 300)}`);
    const form = html.includes('name="login"')
      ? new URLSearchParams({ prompt: "login", login, password: "any" })
      : new URLSearchParams({ prompt: "consent" });
    url = new URL(action.replace(/&amp;/g, "&"), url);
    init = {
      method: "POST",
      body: form.toString(),
      headers: { "content-type": "application/x-www-form-urlencoded" },
    };
  }
  throw new Error("too many redirects");
};

/** tRPC's JSON envelope, as far as these tests read it. */
interface Envelope {
  result?: { data: { json: Record<string, unknown> } };
  error?: { json: { data: { code: string; field?: string } } };
}

const trpc = async (path: string, body: unknown, cookie = "") => {
  const response = await fetch(`${app.url}/trpc/${path}`, {
    method: "POST",
    headers: { "content-type": "application/json", cookie },
    body: JSON.stringify({ json: body }),
  });
  return { status: response.status, body: (await response.json()) as Envelope, response };
};
const trpcGet = async (path: string, cookie: string) => {
  const response = await fetch(`${app.url}/trpc/${path}`, { headers: { cookie } });
  return (await response.json()) as Envelope;
};
const passwordSignIn = async (email: string) => {
  const { status, body, response } = await trpc("auth.signIn", { email, password: DEMO_PASSWORD });
  return {
    status,
    code: body.error?.json.data.code,
    cookie: response.headers.get("set-cookie")?.split(";")[0] ?? "",
  };
};

let ownerCookie = "";
let northwindId = "";
const configure = async (change: Record<string, unknown> = {}) => {
  const { status, body } = await trpc(
    "whiteLabel.enableSSO",
    {
      protocol: "OIDC",
      issuer: idp.issuer,
      clientId: idp.clientId,
      clientSecret: idp.clientSecret,
      allowedDomains: ["northwind.test"],
      enforced: false,
      ...change,
    },
    ownerCookie,
  );
  expect(status).toBe(200);
  return body.result?.data.json;
};

interface SsoDomainClaim {
  id: string;
  domain: string;
  status: string;
  verification: { name: string; value: string };
}
const claims = async () =>
  (await trpcGet("whiteLabel.ssoDomains", ownerCookie)).result?.data.json as unknown as SsoDomainClaim[];
/** Publish Northwind's TXT record for a claimed domain and verify it. */
const prove = async (domain: string) => {
  const claim = (await claims()).find((row) => row.domain === domain);
  if (!claim) throw new Error(`no claim on ${domain}`);
  dns.setTxt(claim.verification.name, [claim.verification.value]);
  const { body } = await trpc("whiteLabel.verifySsoDomain", { ssoDomainId: claim.id }, ownerCookie);
  expect(body.result?.data.json.status).toBe("VERIFIED");
  return claim;
};

describe("OIDC sign-in against a real provider", () => {
  beforeAll(async () => {
    ownerCookie = (await passwordSignIn("owner@northwind.test")).cookie;
    const me = await trpcGet("auth.me", ownerCookie);
    northwindId = String(me.result?.data.json.organizationId);
    await configure();
    await prove("northwind.test");
  });

  it("discovery by email finds the organisation's provider; other domains get NOT_FOUND naming email", async () => {
    const found = await trpc("auth.discoverSso", { email: "Member@Northwind.test" });
    expect(found.body.result?.data.json.startUrl).toBe(
      `/auth/sso/start?organization=${northwindId}&login_hint=member%40northwind.test`,
    );
    const missing = await trpc("auth.discoverSso", { email: "someone@globex.test" });
    expect(missing.status).toBe(404);
    expect(missing.body.error?.json.data).toMatchObject({ code: "NOT_FOUND", field: "email" });
  });

  it("a member of the organisation signs in through the provider (code + PKCE) and lands in the portal", async () => {
    const start = `${app.url}/auth/sso/start?organization=${northwindId}`;
    const first = await fetch(start, { redirect: "manual" });
    const authorize = new URL(first.headers.get("location") ?? "");
    expect(authorize.origin).toBe(idp.issuer);
    expect(authorize.searchParams.get("code_challenge_method")).toBe("S256");
    expect(authorize.searchParams.get("code_challenge")).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(authorize.searchParams.get("state")).toBeTruthy();
    expect(authorize.searchParams.get("nonce")).toBeTruthy();
    expect(authorize.searchParams.get("redirect_uri")).toBe(`${app.url}/auth/sso/callback`);

    const { url, jar } = await walk(start, "member@northwind.test");
    expect(url.pathname).toBe("/portal");
    const session = jar.get(app.url, "tessera_session");
    expect(session).toBeTruthy();
    const me = await trpcGet("auth.me", `tessera_session=${session}`);
    expect(me.result?.data.json).toMatchObject({
      email: "member@northwind.test",
      organizationId: northwindId,
    });
  });

  it("a user from a domain that is not allowed is refused, with no session", async () => {
    const { url, jar } = await walk(
      `${app.url}/auth/sso/start?organization=${northwindId}`,
      "intruder@evil.test",
    );
    expect(url.pathname).toBe("/sign-in");
    expect(url.searchParams.get("sso_error")).toBe("SSO_DOMAIN_NOT_ALLOWED");
    expect(jar.get(app.url, "tessera_session")).toBeUndefined();
  });

  it("an allowed domain but no such user of the organisation is refused", async () => {
    const { url } = await walk(
      `${app.url}/auth/sso/start?organization=${northwindId}`,
      "stranger@northwind.test",
    );
    expect(url.searchParams.get("sso_error")).toBe("SSO_UNKNOWN_USER");
  });

  it("a user of another organisation cannot enter through this one's provider", async () => {
    await configure({ allowedDomains: ["northwind.test", "globex.test"] });
    const globex = await prove("globex.test");
    try {
      const { url } = await walk(
        `${app.url}/auth/sso/start?organization=${northwindId}`,
        "owner@globex.test",
      );
      expect(url.searchParams.get("sso_error")).toBe("SSO_UNKNOWN_USER");
    } finally {
      await configure();
      await trpc("whiteLabel.removeSsoDomain", { ssoDomainId: globex.id }, ownerCookie);
    }
  });

  it("a replayed or forged callback is refused: state is single-use", async () => {
    const forged = await fetch(`${app.url}/auth/sso/callback?code=abc&state=forged`, { redirect: "manual" });
    expect(forged.headers.get("location")).toBe("/sign-in?sso_error=SSO_STATE_INVALID");
    // capture the callback URL of a real flow, use it, then replay it
    const jar = new CookieJar();
    let url = new URL(`${app.url}/auth/sso/start?organization=${northwindId}`);
    let callback: URL | null = null;
    const original = globalThis.fetch;
    globalThis.fetch = (async (input: string | URL | Request, init?: RequestInit) => {
      const target = new URL(typeof input === "string" || input instanceof URL ? input : input.url);
      if (target.pathname === "/auth/sso/callback") callback = target;
      return original(input, init);
    }) as typeof fetch;
    try {
      ({ url } = await walk(url.href, "member@northwind.test", jar));
    } finally {
      globalThis.fetch = original;
    }
    expect(url.pathname).toBe("/portal");
    expect(callback).not.toBeNull();
    const replay = await fetch(callback as unknown as URL, { redirect: "manual" });
    expect(replay.headers.get("location")).toBe("/sign-in?sso_error=SSO_STATE_INVALID");
  });

  it("the start binds the sign-in to this browser with a short-lived HttpOnly, SameSite=Lax cookie on /auth (the OIDC callback and the SAML ACS)", async () => {
    const response = await fetch(`${app.url}/auth/sso/start?organization=${northwindId}`, {
      redirect: "manual",
    });
    const binding = response.headers.getSetCookie().find((line) => line.startsWith("tessera_sso="));
    expect(binding).toMatch(
      /^tessera_sso=[A-Za-z0-9_-]{43}; Path=\/auth; HttpOnly; SameSite=Lax; Max-Age=600$/,
    );
  });

  it("a callback started by someone else and opened in a signed-in victim's browser is refused; the victim keeps their session", async () => {
    const victim = await passwordSignIn("owner@northwind.test");
    const victimStarted = await fetch(`${app.url}/auth/sso/start?organization=${northwindId}`, {
      redirect: "manual",
    });
    const victimBinding = victimStarted.headers
      .getSetCookie()
      .find((line) => line.startsWith("tessera_sso="))
      ?.split(";")[0];
    // the victim's browser sends its session, and no binding or its own from another start
    for (const cookie of [victim.cookie, `${victim.cookie}; ${victimBinding}`]) {
      // the attacker signs in at the provider in their own browser and keeps the callback unopened
      const attacker = await walk(
        `${app.url}/auth/sso/start?organization=${northwindId}`,
        "member@northwind.test",
        new CookieJar(),
        true,
      );
      expect(attacker.url.pathname).toBe("/auth/sso/callback");
      const opened = await fetch(attacker.url, { redirect: "manual", headers: { cookie } });
      expect(opened.headers.get("location")).toBe("/sign-in?sso_error=SSO_BROWSER_MISMATCH");
      expect(opened.headers.getSetCookie().some((line) => line.startsWith("tessera_session="))).toBe(false);
      expect(opened.headers.getSetCookie()).toContain(
        "tessera_sso=; Path=/auth; HttpOnly; SameSite=Lax; Max-Age=0",
      );
    }
    const me = await trpcGet("auth.me", victim.cookie);
    expect(me.result?.data.json).toMatchObject({ email: "owner@northwind.test" });
  });

  it("the browser that started the sign-in completes it with its binding cookie, which the callback clears", async () => {
    const started = await walk(
      `${app.url}/auth/sso/start?organization=${northwindId}`,
      "member@northwind.test",
      new CookieJar(),
      true,
    );
    const binding = started.jar.get(app.url, "tessera_sso");
    expect(binding).toBeTruthy();
    const without = await fetch(started.url, { redirect: "manual" });
    expect(without.headers.get("location")).toBe("/sign-in?sso_error=SSO_BROWSER_MISMATCH");

    const again = await walk(
      `${app.url}/auth/sso/start?organization=${northwindId}`,
      "member@northwind.test",
      started.jar,
      true,
    );
    const completed = await fetch(again.url, {
      redirect: "manual",
      headers: { cookie: again.jar.header(again.url) },
    });
    expect(completed.headers.get("location")).toBe("/portal");
    const cookies = completed.headers.getSetCookie();
    expect(cookies.some((line) => /^tessera_session=[^;]+; Path=\/; HttpOnly/.test(line))).toBe(true);
    expect(cookies).toContain("tessera_sso=; Path=/auth; HttpOnly; SameSite=Lax; Max-Age=0");
  });

  it("an organisation without SSO, or an unknown id, gets SSO_NOT_CONFIGURED", async () => {
    const response = await fetch(
      `${app.url}/auth/sso/start?organization=00000000-0000-0000-0000-000000000000`,
      {
        redirect: "manual",
      },
    );
    expect(response.headers.get("location")).toBe("/sign-in?sso_error=SSO_NOT_CONFIGURED");
  });

  it("an unreachable provider answers SSO_PROVIDER_UNREACHABLE rather than an error page", async () => {
    await configure({ issuer: "http://127.0.0.1:9" });
    try {
      const response = await fetch(`${app.url}/auth/sso/start?organization=${northwindId}`, {
        redirect: "manual",
      });
      expect(response.headers.get("location")).toBe("/sign-in?sso_error=SSO_PROVIDER_UNREACHABLE");
    } finally {
      await configure();
    }
  });

  it("Test connection: the admin's browser runs the sign-in, each step is reported, no session opens", async () => {
    const started = await trpc("whiteLabel.startSsoTest", {}, ownerCookie);
    const test = started.body.result?.data.json as { id: string; startUrl: string };
    const jar = new CookieJar();
    jar.set(app.url, ownerCookie);
    const { url } = await walk(`${app.url}${test.startUrl}`, "member@northwind.test", jar);
    expect(url.pathname).toBe(`/portal/settings/sso/test/${test.id}`);
    // the owner's own session cookie is all the browser holds: the test opened none
    expect(jar.get(app.url, "tessera_session")).toBe(ownerCookie.split("=")[1]);
    const report = (
      await trpcGet(
        `whiteLabel.ssoTest?input=${encodeURIComponent(JSON.stringify({ json: { testId: test.id } }))}`,
        ownerCookie,
      )
    ).result?.data.json as { status: string; steps: { step: string; ok: boolean }[]; assertedEmail: string };
    expect(report.status).toBe("SUCCEEDED");
    expect(report.steps.map((step) => `${step.step}:${step.ok}`)).toEqual([
      "CONFIGURATION:true",
      "REDIRECT:true",
      "RESPONSE:true",
      "USER_MATCH:true",
    ]);
    expect(report.assertedEmail).toBe("member@northwind.test");
    // someone else's browser cannot run (or finish) this admin's test
    const stranger = await walk(`${app.url}${test.startUrl}`, "member@northwind.test");
    expect(stranger.url.searchParams.get("sso_error")).toBe("SSO_TEST_INVALID");
    // an unknown person fails the user-match step, named
    const second = (await trpc("whiteLabel.startSsoTest", {}, ownerCookie)).body.result?.data.json as {
      id: string;
      startUrl: string;
    };
    const secondJar = new CookieJar();
    secondJar.set(app.url, ownerCookie);
    await walk(`${app.url}${second.startUrl}`, "nobody@northwind.test", secondJar);
    const failed = (await trpcGet("whiteLabel.ssoTest?input=%7B%22json%22%3A%7B%7D%7D", ownerCookie)).result
      ?.data.json as { status: string; steps: { step: string; ok: boolean; detail: string }[] };
    expect(failed.status).toBe("FAILED");
    expect(failed.steps.at(-1)).toMatchObject({ step: "USER_MATCH", ok: false });
    expect(failed.steps.at(-1)?.detail).toMatch(/^SSO_UNKNOWN_USER/);
  });

  it("enforced: only after an owner's passed test; members go to SSO, owners keep their password, SSO works", async () => {
    const untested = await trpc(
      "whiteLabel.enableSSO",
      {
        protocol: "OIDC",
        issuer: idp.issuer,
        clientId: "another-client",
        clientSecret: idp.clientSecret,
        allowedDomains: ["northwind.test"],
        enforced: true,
      },
      ownerCookie,
    );
    expect(untested.body.error?.json.data).toMatchObject({ code: "SSO_TEST_REQUIRED", field: "enforced" });
    await configure(); // the secret sealed anew: settings to test again
    const started = (await trpc("whiteLabel.startSsoTest", {}, ownerCookie)).body.result?.data.json as {
      startUrl: string;
    };
    const jar = new CookieJar();
    jar.set(app.url, ownerCookie);
    await walk(`${app.url}${started.startUrl}`, "owner@northwind.test", jar);
    // the tested settings again, the stored secret kept
    const sameSettings = {
      protocol: "OIDC",
      issuer: idp.issuer,
      clientId: idp.clientId,
      allowedDomains: ["northwind.test"],
    };
    const enforced = await trpc("whiteLabel.enableSSO", { ...sameSettings, enforced: true }, ownerCookie);
    expect(enforced.status, JSON.stringify(enforced.body)).toBe(200);
    try {
      expect(await passwordSignIn("member@northwind.test")).toMatchObject({
        status: 403,
        code: "SSO_REQUIRED",
      });
      // the lockout this replaces: the owner's password still works (break-glass)
      expect((await passwordSignIn("owner@northwind.test")).status).toBe(200);
      expect((await passwordSignIn("owner@globex.test")).status).toBe(200);
      expect((await passwordSignIn("admin@tessera.test")).status).toBe(200);
      const { url } = await walk(
        `${app.url}/auth/sso/start?organization=${northwindId}`,
        "member@northwind.test",
      );
      expect(url.pathname).toBe("/portal");
    } finally {
      await trpc("whiteLabel.enableSSO", { ...sameSettings, enforced: false }, ownerCookie);
    }
    expect((await passwordSignIn("member@northwind.test")).status).toBe(200);
  });

  it("an unproven domain: discovery says not set up and the callback refuses; proven again, it works", async () => {
    const proven = (await claims()).find((row) => row.domain === "northwind.test");
    await trpc("whiteLabel.removeSsoDomain", { ssoDomainId: proven?.id }, ownerCookie);
    try {
      await configure(); // listed again: a fresh PENDING claim with a new token
      expect((await claims()).find((row) => row.domain === "northwind.test")?.status).toBe("PENDING");
      const missing = await trpc("auth.discoverSso", { email: "member@northwind.test" });
      expect(missing.status).toBe(404);
      expect(missing.body.error?.json.data).toMatchObject({ code: "NOT_FOUND", field: "email" });
      const { url, jar } = await walk(
        `${app.url}/auth/sso/start?organization=${northwindId}`,
        "member@northwind.test",
      );
      expect(url.searchParams.get("sso_error")).toBe("SSO_DOMAIN_NOT_ALLOWED");
      expect(jar.get(app.url, "tessera_session")).toBeUndefined();
    } finally {
      await prove("northwind.test");
    }
    const found = await trpc("auth.discoverSso", { email: "member@northwind.test" });
    expect(found.body.result?.data.json.startUrl).toContain(northwindId);
    const { url } = await walk(
      `${app.url}/auth/sso/start?organization=${northwindId}`,
      "member@northwind.test",
    );
    expect(url.pathname).toBe("/portal");
  });
});
