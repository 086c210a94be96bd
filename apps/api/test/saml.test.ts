import { users } from "@tessera/db/schema";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RunningApp } from "../src/app.ts";
import { createLicense } from "../src/licenses/create.ts";
import { activateLicense } from "../src/licenses/lifecycle.ts";
import { pruneSamlAssertionIds } from "../src/white-label/saml-assertion.ts";
import { Browser, closeSamlWorld, samlTestKit, startSamlWorld } from "./support/saml-flow.ts";
import { assertionXml, type TestSamlIdp } from "./support/saml-idp.ts";

/**
 * SAML sign-in end to end: the real API over HTTP (demo data: Northwind is PROFESSIONAL) and
 * a real signing IdP on loopback; each refusal is a forged or altered Response posted to the
 * assertion consumer service, and leaves no session, user or remembered assertion behind.
 */
let app: RunningApp;
let idp: TestSamlIdp;
const kit = samlTestKit(
  () => app,
  () => idp,
);
let ownerCookie = "";
let northwindId = "";
let audience = "";
let acsUrl = "";

beforeAll(async () => {
  ({ app, idp } = await startSamlWorld("saml-test"));
  ownerCookie = await kit.signIn("owner@northwind.test");
  northwindId = String((await kit.trpcGet("auth.me", ownerCookie)).result?.data.json.organizationId);
  await configure();
  await kit.verifyDomain(northwindId, "northwind.test");
  const sp = (await kit.trpcGet("whiteLabel.samlServiceProvider", ownerCookie)).result?.data.json;
  audience = String(sp?.entityId);
  acsUrl = String(sp?.acsUrl);
});
afterAll(() => closeSamlWorld({ app, idp }));

const configure = async (change: Record<string, unknown> = {}) => {
  const { status, body } = await kit.trpc(
    "whiteLabel.enableSSO",
    { protocol: "SAML", metadataXml: idp.metadataXml, allowedDomains: ["northwind.test"], ...change },
    ownerCookie,
  );
  expect(status, JSON.stringify(body)).toBe(200);
  return body.result?.data.json;
};
const idpInitiated = (email: string, change: Record<string, unknown> = {}) =>
  kit.encoded(idp.response({ email, acsUrl, audience, ...change }));
const expectRefused = async (form: Record<string, string>, code: string, browser?: Browser) => {
  const before = await kit.rows();
  const outcome = await kit.post(northwindId, form, browser);
  expect(outcome.status).toBe(302);
  expect(outcome.location.pathname).toBe("/sign-in");
  expect(outcome.error).toBe(code);
  expect(outcome.session).toBeUndefined();
  const after = await kit.rows();
  expect({ ...after, pending: 0 }).toEqual({ ...before, pending: 0 });
};

describe("SAML sign-in against a real IdP", () => {
  it("discovery finds the SAML organisation; the service provider's addresses are on the API", async () => {
    const found = await kit.trpc("auth.discoverSso", { email: "member@northwind.test" });
    expect(found.body.result?.data.json.startUrl).toContain(`organization=${northwindId}`);
    expect(audience).toBe(`${app.url}/auth/saml/metadata/${northwindId}`);
    expect(acsUrl).toBe(`${app.url}/auth/saml/acs/${northwindId}`);
  });

  it("SP-initiated: AuthnRequest by redirect, signed answer, session that works on tRPC", async () => {
    const flow = await kit.spInitiated(northwindId, "member@northwind.test", new Browser(), "/portal/team");
    expect(flow.location.origin).toBe(idp.url);
    expect(flow.location.searchParams.get("SAMLRequest")).toBeTruthy();
    expect(flow.relayState).toBe("/portal/team");
    expect(flow.action).toBe(acsUrl);
    const binding = flow.browser.cookies.get("tessera_sso");
    expect(binding).toBeTruthy();
    const outcome = await kit.post(
      northwindId,
      { SAMLResponse: flow.samlResponse, RelayState: flow.relayState },
      flow.browser,
      // a real IdP's form posts cross-site: the Origin check must not refuse it
      { origin: idp.url },
    );
    expect(outcome.error).toBeNull();
    expect(outcome.location.pathname).toBe("/portal/team");
    const me = await kit.trpcGet("auth.me", `tessera_session=${outcome.session}`);
    expect(me.result?.data.json).toMatchObject({
      email: "member@northwind.test",
      organizationId: northwindId,
    });
  });

  it("IdP-initiated (no InResponseTo) signs in too; the email may come from an attribute", async () => {
    const outcome = await kit.post(northwindId, {
      SAMLResponse: idpInitiated("member@northwind.test", { nameInAttribute: true }),
    });
    expect(outcome.error).toBeNull();
    expect(outcome.location.pathname).toBe("/portal");
    expect(outcome.session).toBeTruthy();
  });

  it("an unsigned Response with an unsigned Assertion is refused", async () => {
    await expectRefused(
      { SAMLResponse: idpInitiated("member@northwind.test", { signAssertion: false }) },
      "SAML_SIGNATURE_INVALID",
    );
  });

  it("a signed Assertion altered after signing (another email) is refused", async () => {
    const signed = idp.response({ email: "member@northwind.test", acsUrl, audience });
    const tampered = signed.replace(/member@northwind\.test/g, "owner@northwind.test");
    await expectRefused({ SAMLResponse: kit.encoded(tampered) }, "SAML_SIGNATURE_INVALID");
  });

  it("signature wrapping: the signed assertion moved aside and an evil one put in its place is refused", async () => {
    const signed = idp.response({ email: "member@northwind.test", acsUrl, audience });
    const original = signed.match(/<saml:Assertion[\s\S]*<\/saml:Assertion>/)?.[0] ?? "";
    const evil = assertionXml(idp.entityId, { email: "owner@northwind.test", acsUrl, audience });
    const wrapped = signed.replace(original, `${evil}<samlp:Extensions>${original}</samlp:Extensions>`);
    await expectRefused({ SAMLResponse: kit.encoded(wrapped) }, "SAML_SIGNATURE_INVALID");
    // and with the signature copied onto the evil assertion (same ID), still refused
    const signature = original.match(/<ds:Signature[\s\S]*<\/ds:Signature>/)?.[0] ?? "";
    const id = original.match(/ID="([^"]+)"/)?.[1] ?? "";
    const forged = evil
      .replace(/ID="[^"]+"/, `ID="${id}"`)
      .replace("</saml:Issuer>", `</saml:Issuer>${signature}`);
    await expectRefused(
      { SAMLResponse: kit.encoded(signed.replace(original, forged)) },
      "SAML_SIGNATURE_INVALID",
    );
  });

  it("an expired assertion, and one not yet valid, are refused", async () => {
    await expectRefused(
      { SAMLResponse: idpInitiated("member@northwind.test", { validMinutes: -5 }) },
      "SAML_EXPIRED",
    );
    await expectRefused(
      { SAMLResponse: idpInitiated("member@northwind.test", { notBeforeMinutes: 10 }) },
      "SAML_EXPIRED",
    );
  });

  it("a subject confirmation that expired (conditions still valid) is refused", async () => {
    await expectRefused(
      { SAMLResponse: idpInitiated("member@northwind.test", { confirmationMinutes: -5 }) },
      "SAML_EXPIRED",
    );
  });

  it("an assertion for another recipient (ACS) is refused", async () => {
    await expectRefused(
      {
        SAMLResponse: idpInitiated("member@northwind.test", { recipient: `${app.url}/auth/saml/acs/other` }),
      },
      "SAML_AUDIENCE_MISMATCH",
    );
  });

  it("an assertion for another audience is refused", async () => {
    await expectRefused(
      { SAMLResponse: idpInitiated("member@northwind.test", { audience: "https://other.example/sp" }) },
      "SAML_AUDIENCE_MISMATCH",
    );
  });

  it("a Response used twice is refused the second time", async () => {
    const response = idpInitiated("member@northwind.test");
    expect((await kit.post(northwindId, { SAMLResponse: response })).session).toBeTruthy();
    await expectRefused({ SAMLResponse: response }, "SAML_REPLAYED");
  });

  it("remembered assertions are pruned by the hourly job once expired, not before", async () => {
    expect((await kit.rows()).assertions).toBeGreaterThan(0);
    expect(await pruneSamlAssertionIds(app.deps, new Date())).toBe(0);
    const held = (await kit.rows()).assertions;
    expect(await pruneSamlAssertionIds(app.deps, new Date(Date.now() + 2 * 86_400_000))).toBe(held);
  });

  it("an SP-initiated answer posted from another browser is refused, and the request is spent", async () => {
    const flow = await kit.spInitiated(northwindId, "member@northwind.test");
    await expectRefused({ SAMLResponse: flow.samlResponse }, "SAML_REQUEST_UNKNOWN", new Browser());
    const again = await kit.post(northwindId, { SAMLResponse: flow.samlResponse }, flow.browser);
    expect(again.error).toBe("SAML_REQUEST_UNKNOWN");
  });

  it("an InResponseTo that no sign-in started is refused", async () => {
    await expectRefused(
      { SAMLResponse: idpInitiated("member@northwind.test", { inResponseTo: "_never-started" }) },
      "SAML_REQUEST_UNKNOWN",
    );
  });

  it("admission: unknown user, unlisted domain, disabled user", async () => {
    await expectRefused({ SAMLResponse: idpInitiated("stranger@northwind.test") }, "SSO_UNKNOWN_USER");
    await expectRefused({ SAMLResponse: idpInitiated("owner@globex.test") }, "SSO_DOMAIN_NOT_ALLOWED");
    const db = app.deps.db;
    await db.update(users).set({ disabledAt: new Date() }).where(eq(users.email, "member@northwind.test"));
    try {
      await expectRefused({ SAMLResponse: idpInitiated("member@northwind.test") }, "USER_DISABLED");
    } finally {
      await db.update(users).set({ disabledAt: null }).where(eq(users.email, "member@northwind.test"));
    }
  });

  it("a listed domain that DNS has not proven is refused", async () => {
    await configure({ allowedDomains: ["northwind.test", "northwind-unproven.test"] });
    try {
      await expectRefused(
        { SAMLResponse: idpInitiated("anyone@northwind-unproven.test") },
        "SSO_DOMAIN_NOT_ALLOWED",
      );
    } finally {
      await configure();
    }
  });

  it("just-in-time provisioning creates a first-time user with the default role, only when on", async () => {
    await expectRefused({ SAMLResponse: idpInitiated("newcomer@northwind.test") }, "SSO_UNKNOWN_USER");
    await configure({ jitProvisioning: true, defaultRole: "ADMIN" });
    try {
      const outcome = await kit.post(northwindId, {
        SAMLResponse: idpInitiated("newcomer@northwind.test", { nameInAttribute: true }),
      });
      expect(outcome.error).toBeNull();
      const me = await kit.trpcGet("auth.me", `tessera_session=${outcome.session}`);
      expect(me.result?.data.json).toMatchObject({ email: "newcomer@northwind.test", role: "ADMIN" });
      // someone of another organisation is never moved in, even with a listed, proven domain
      await configure({ jitProvisioning: true, allowedDomains: ["northwind.test", "globex.test"] });
      await kit.verifyDomain(northwindId, "globex.test");
      await expectRefused({ SAMLResponse: idpInitiated("owner@globex.test") }, "SSO_UNKNOWN_USER");
    } finally {
      await configure();
    }
  });

  it("ACS: no SAMLResponse, unreadable XML, too deep, and an oversized body (413)", async () => {
    await expectRefused({ RelayState: "/portal" }, "SAML_RESPONSE_MISSING");
    await expectRefused({ SAMLResponse: kit.encoded("<samlp:Response") }, "SAML_RESPONSE_INVALID");
    // a validly signed response, made abusive outside the signed assertion: the depth check alone refuses it
    const signed = idp.response({ email: "member@northwind.test", acsUrl, audience });
    const nest = (n: number) => `<samlp:Extensions>${"<a>".repeat(n)}${"</a>".repeat(n)}</samlp:Extensions>`;
    const deep = signed.replace("<samlp:Status>", `${nest(100)}<samlp:Status>`);
    await expectRefused({ SAMLResponse: kit.encoded(deep) }, "SAML_RESPONSE_INVALID");
    const doctype = `<!DOCTYPE r [<!ENTITY x "y">]><samlp:Response xmlns:samlp="urn:oasis:names:tc:SAML:2.0:protocol"/>`;
    await expectRefused({ SAMLResponse: kit.encoded(doctype) }, "SAML_RESPONSE_INVALID");
    const huge = await fetch(kit.acs(northwindId), {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: `SAMLResponse=${"A".repeat(300 * 1024)}`,
    });
    expect(huge.status).toBe(413);
  });

  it("SP metadata: entity id and ACS for the organisation; 404 for one without SAML", async () => {
    const response = await fetch(`${app.url}/auth/saml/metadata/${northwindId}`);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toContain("application/samlmetadata+xml");
    const xml = await response.text();
    expect(xml).toContain(`entityID="${audience}"`);
    expect(xml).toContain(`Location="${acsUrl}"`);
    expect(xml).toContain('WantAssertionsSigned="true"');
    expect(xml).toContain('AuthnRequestsSigned="false"');
    const globexOwner = await kit.signIn("owner@globex.test");
    const globex = String((await kit.trpcGet("auth.me", globexOwner)).result?.data.json.organizationId);
    expect((await fetch(`${app.url}/auth/saml/metadata/${globex}`)).status).toBe(404);
  });

  it("tenancy: an assertion valid for Northwind is refused at Globex's ACS, though Globex trusts the same IdP", async () => {
    const globexOwner = await kit.signIn("owner@globex.test");
    const globex = String((await kit.trpcGet("auth.me", globexOwner)).result?.data.json.organizationId);
    const system = { db: app.deps.db, clock: app.deps.clock, actor: null, ip: null };
    const { license } = await createLicense(system, {
      organizationId: globex,
      tier: "PROFESSIONAL",
      termMonths: 12,
      autoRenew: false,
    });
    await activateLicense(system, license.id);
    const saved = await kit.trpc(
      "whiteLabel.enableSSO",
      {
        protocol: "SAML",
        metadataXml: idp.metadataXml,
        allowedDomains: ["globex-learning.test"],
        jitProvisioning: true,
      },
      globexOwner,
    );
    expect(saved.status).toBe(200);
    await kit.verifyDomain(globex, "globex-learning.test");
    const before = await kit.rows();
    for (const samlResponse of [
      idpInitiated("member@northwind.test"),
      idpInitiated("someone@globex-learning.test"),
    ]) {
      const outcome = await kit.post(globex, { SAMLResponse: samlResponse });
      expect(outcome.location.pathname).toBe("/sign-in");
      expect(outcome.error).toBe("SAML_AUDIENCE_MISMATCH");
      expect(outcome.session).toBeUndefined();
    }
    expect(await kit.rows()).toEqual(before);
  });
});
