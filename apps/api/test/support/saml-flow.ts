import { samlAssertionIds, sessions, ssoDomains, ssoLoginStates, users } from "@tessera/db/schema";
import { count, eq } from "drizzle-orm";
import { type RunningApp, startApp } from "../../src/app.ts";
import { loadConfig } from "../../src/config.ts";
import { DEMO_PASSWORD } from "../../src/seed/demo.ts";
import { openTestDatabase } from "../database.ts";
import { startSamlIdp, type TestSamlIdp } from "./saml-idp.ts";

/** The API over HTTP on a fresh database with demo data (loopback IdP allowed) and a test IdP. */
export const startSamlWorld = async (name: string) => {
  const config = loadConfig({
    LOG_LEVEL: "silent",
    PORT: "0",
    HOST: "127.0.0.1",
    DATA_DIR: `/tmp/tessera-${name}`,
    SEED_DEMO: "true",
    ALLOW_INSECURE_LOOPBACK: "true",
  });
  const app = await startApp(config, { dbHandle: await openTestDatabase(), jobs: false });
  return { app, idp: await startSamlIdp() };
};

export const closeSamlWorld = async (world: { app?: RunningApp; idp?: TestSamlIdp }) => {
  await world.idp?.close();
  await world.app?.close();
};

/** Cookies by name for the API's origin: enough for one browser walking one flow. */
export class Browser {
  readonly cookies = new Map<string, string>();
  store(response: Response) {
    for (const line of response.headers.getSetCookie()) {
      const [pair] = line.split(";");
      const index = pair?.indexOf("=") ?? -1;
      if (!pair || index < 0) continue;
      const value = pair.slice(index + 1);
      if (value === "") this.cookies.delete(pair.slice(0, index));
      else this.cookies.set(pair.slice(0, index), value);
    }
  }
  header() {
    return [...this.cookies.entries()].map(([k, v]) => `${k}=${v}`).join("; ");
  }
}

/** tRPC's JSON envelope, as far as these tests read it. */
export interface Envelope {
  result?: { data: { json: Record<string, unknown> } };
  error?: { json: { message: string; data: { code: string; field?: string } } };
}

export const samlTestKit = (app: () => RunningApp, idp: () => TestSamlIdp) => {
  const trpc = async (path: string, body: unknown, cookie = "") => {
    const response = await fetch(`${app().url}/trpc/${path}`, {
      method: "POST",
      headers: { "content-type": "application/json", cookie },
      body: JSON.stringify({ json: body }),
    });
    return { status: response.status, body: (await response.json()) as Envelope, response };
  };
  const trpcGet = async (path: string, cookie: string) =>
    (await (await fetch(`${app().url}/trpc/${path}`, { headers: { cookie } })).json()) as Envelope;
  const signIn = async (email: string) => {
    const { response } = await trpc("auth.signIn", { email, password: DEMO_PASSWORD });
    return response.headers.get("set-cookie")?.split(";")[0] ?? "";
  };
  /** The domain proven (DNS verification itself is tested in sso-domains.test.ts). */
  const verifyDomain = async (organizationId: string, domain: string) => {
    await app()
      .deps.db.update(ssoDomains)
      .set({ status: "VERIFIED", verifiedAt: new Date() })
      .where(eq(ssoDomains.domain, domain));
    return organizationId;
  };
  /** Start at /auth/sso/start, sign in at the IdP as `email`: the form the IdP auto-submits. */
  const spInitiated = async (
    organizationId: string,
    email: string,
    browser = new Browser(),
    returnTo = "",
    testId = "",
  ) => {
    const start = await fetch(
      `${app().url}/auth/sso/start?organization=${organizationId}${returnTo ? `&returnTo=${encodeURIComponent(returnTo)}` : ""}${testId ? `&test=${testId}` : ""}`,
      { redirect: "manual", headers: { cookie: browser.header() } },
    );
    browser.store(start);
    const location = new URL(start.headers.get("location") ?? "", app().url);
    location.searchParams.set("login", email);
    const html = await (await fetch(location)).text();
    const field = (name: string) => html.match(new RegExp(`name="${name}" value="([^"]*)"`))?.[1] ?? "";
    return {
      browser,
      location,
      action: html.match(/action="([^"]+)"/)?.[1] ?? "",
      samlResponse: field("SAMLResponse"),
      relayState: field("RelayState").replace(/&amp;/g, "&"),
    };
  };
  const acs = (organizationId: string) => `${app().url}/auth/saml/acs/${organizationId}`;
  /** POST to the ACS as the IdP's form would; the redirect's target and the session cookie. */
  const post = async (
    organizationId: string,
    form: Record<string, string>,
    browser = new Browser(),
    headers: Record<string, string> = {},
  ) => {
    const response = await fetch(acs(organizationId), {
      method: "POST",
      redirect: "manual",
      headers: {
        "content-type": "application/x-www-form-urlencoded",
        cookie: browser.header(),
        ...headers,
      },
      body: new URLSearchParams(form).toString(),
    });
    browser.store(response);
    const location = new URL(response.headers.get("location") ?? "/", app().url);
    return {
      status: response.status,
      location,
      error: location.searchParams.get("sso_error"),
      session: browser.cookies.get("tessera_session"),
      browser,
    };
  };
  const encoded = (xml: string) => Buffer.from(xml).toString("base64");
  const rows = async () => {
    const db = app().deps.db;
    const [u] = await db.select({ n: count() }).from(users);
    const [s] = await db.select({ n: count() }).from(sessions);
    const [a] = await db.select({ n: count() }).from(samlAssertionIds);
    const [p] = await db.select({ n: count() }).from(ssoLoginStates);
    return { users: u?.n, sessions: s?.n, assertions: a?.n, pending: p?.n };
  };
  return { trpc, trpcGet, signIn, verifyDomain, spInitiated, post, acs, encoded, rows, idp };
};
