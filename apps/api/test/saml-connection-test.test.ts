import { ssoConnectionTests } from "@tessera/db/schema";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RunningApp } from "../src/app.ts";
import { Browser, closeSamlWorld, samlTestKit, startSamlWorld } from "./support/saml-flow.ts";
import type { TestSamlIdp } from "./support/saml-idp.ts";

/**
 * "Test connection" and enforcement for SAML against the real test IdP: the admin's own
 * browser runs an SP-initiated sign-in that ends in a report, not a session; enforcement
 * waits for an owner's success, and owners keep their password (the lockout this replaces).
 */
let app: RunningApp;
let idp: TestSamlIdp;
const kit = samlTestKit(
  () => app,
  () => idp,
);
let ownerCookie = "";
let northwindId = "";

beforeAll(async () => {
  ({ app, idp } = await startSamlWorld("saml-test-connection"));
  ownerCookie = await kit.signIn("owner@northwind.test");
  northwindId = String((await kit.trpcGet("auth.me", ownerCookie)).result?.data.json.organizationId);
  await configure(false);
  await kit.verifyDomain(northwindId, "northwind.test");
});
afterAll(() => closeSamlWorld({ app, idp }));

const configure = (enforced: boolean, change: Record<string, unknown> = {}) =>
  kit.trpc(
    "whiteLabel.enableSSO",
    {
      protocol: "SAML",
      metadataXml: idp.metadataXml,
      allowedDomains: ["northwind.test"],
      enforced,
      ...change,
    },
    ownerCookie,
  );

/** Start a test as `cookie`'s user and run it in that browser, signing in at the IdP as `email`. */
const runTest = async (cookie: string, email: string) => {
  const started = (await kit.trpc("whiteLabel.startSsoTest", {}, cookie)).body.result?.data.json as {
    id: string;
  };
  const browser = new Browser();
  const [name = "", value = ""] = cookie.split("=");
  browser.cookies.set(name, value);
  const flow = await kit.spInitiated(northwindId, email, browser, "", started.id);
  const outcome = await kit.post(northwindId, { SAMLResponse: flow.samlResponse }, flow.browser);
  const [row] = await app.deps.db
    .select()
    .from(ssoConnectionTests)
    .where(eq(ssoConnectionTests.id, started.id));
  return { outcome, row, browser: flow.browser };
};

describe("SAML connection test and enforcement", () => {
  it("reports each step in the admin's browser and opens no session; an unknown person fails the user match", async () => {
    const sessionsBefore = (await kit.rows()).sessions;
    const passed = await runTest(ownerCookie, "member@northwind.test");
    expect(passed.outcome.location.pathname).toBe(`/portal/settings/sso/test/${passed.row?.id}`);
    expect(passed.browser.cookies.get("tessera_session")).toBe(ownerCookie.split("=")[1]);
    expect((await kit.rows()).sessions).toBe(sessionsBefore);
    expect(passed.row?.status).toBe("SUCCEEDED");
    expect(passed.row?.steps.map((step) => step.step)).toEqual([
      "CONFIGURATION",
      "REDIRECT",
      "RESPONSE",
      "USER_MATCH",
    ]);
    expect(passed.row?.steps[3]?.detail).toBe(
      "member@northwind.test is an active MEMBER of this organisation",
    );

    const failed = await runTest(ownerCookie, "stranger@northwind.test");
    expect(failed.outcome.location.pathname).toBe(`/portal/settings/sso/test/${failed.row?.id}`);
    expect(failed.row?.status).toBe("FAILED");
    expect(failed.row?.steps.at(-1)).toMatchObject({ step: "USER_MATCH", ok: false });
  });

  it("a tampered response during a test is reported as a failed RESPONSE step", async () => {
    const started = (await kit.trpc("whiteLabel.startSsoTest", {}, ownerCookie)).body.result?.data.json as {
      id: string;
    };
    const browser = new Browser();
    const [name = "", value = ""] = ownerCookie.split("=");
    browser.cookies.set(name, value);
    const flow = await kit.spInitiated(northwindId, "member@northwind.test", browser, "", started.id);
    const xml = Buffer.from(flow.samlResponse, "base64").toString("utf8");
    const tampered = kit.encoded(xml.replace("member@northwind.test", "owner@northwind.test"));
    const outcome = await kit.post(northwindId, { SAMLResponse: tampered }, flow.browser);
    expect(outcome.location.pathname).toBe(`/portal/settings/sso/test/${started.id}`);
    const [row] = await app.deps.db
      .select()
      .from(ssoConnectionTests)
      .where(eq(ssoConnectionTests.id, started.id));
    expect(row?.status).toBe("FAILED");
    expect(row?.steps.at(-1)).toMatchObject({
      step: "RESPONSE",
      ok: false,
      detail: "SAML_SIGNATURE_INVALID",
    });
  });

  it("enforcement waits for an owner's passed test; then members must use SAML and the owner keeps a password", async () => {
    // settings no one has tested yet (the earlier tests passed the ones without JIT)
    const jit = { jitProvisioning: true };
    await configure(false, jit);
    const refused = await configure(true, jit);
    expect(refused.body.error?.json.data).toMatchObject({ code: "SSO_TEST_REQUIRED", field: "enforced" });
    // a member's session cannot run (or finish) the owner's test
    const started = (await kit.trpc("whiteLabel.startSsoTest", {}, ownerCookie)).body.result?.data.json as {
      startUrl: string;
    };
    const memberCookie = await kit.signIn("member@northwind.test");
    const hijack = await fetch(`${app.url}${started.startUrl}`, {
      redirect: "manual",
      headers: { cookie: memberCookie },
    });
    expect(new URL(hijack.headers.get("location") ?? "", app.url).searchParams.get("sso_error")).toBe(
      "SSO_TEST_INVALID",
    );
    // with JIT on, a newcomer passes the user match but a test creates no one
    const usersBefore = (await kit.rows()).users;
    const newcomer = await runTest(ownerCookie, "newcomer@northwind.test");
    expect(newcomer.row?.status).toBe("SUCCEEDED");
    expect(newcomer.row?.steps.at(-1)?.detail).toMatch(/has no account yet: one would be created as MEMBER/);
    expect((await kit.rows()).users).toBe(usersBefore);
    expect((await configure(true, jit)).status).toBe(200);
    try {
      const member = await kit.trpc("auth.signIn", {
        email: "member@northwind.test",
        password: "tessera-demo-2026",
      });
      expect(member.body.error?.json.data.code).toBe("SSO_REQUIRED");
      // before: SAML enforced with no SAML sign-in locked everyone out, the owner included
      expect(await kit.signIn("owner@northwind.test")).toMatch(/^tessera_session=/);
      const flow = await kit.spInitiated(northwindId, "member@northwind.test");
      const outcome = await kit.post(northwindId, { SAMLResponse: flow.samlResponse }, flow.browser);
      expect(outcome.error).toBeNull();
      expect(outcome.session).toBeTruthy();
    } finally {
      await configure(false);
    }
  });
});
