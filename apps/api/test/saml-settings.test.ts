import { customizations, ssoDomains } from "@tessera/db/schema";
import { count, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RunningApp } from "../src/app.ts";
import { closeSamlWorld, samlTestKit, startSamlWorld } from "./support/saml-flow.ts";
import { startSamlIdp, type TestSamlIdp } from "./support/saml-idp.ts";

/**
 * SAML settings over real HTTP: the IdP from pasted metadata, from its metadata URL (fetched
 * through the outbound policy from a real loopback server) or by hand; every bad input is a
 * VALIDATION_FAILED naming the field, and writes nothing.
 */
let app: RunningApp;
let idp: TestSamlIdp;
const kit = samlTestKit(
  () => app,
  () => idp,
);
let ownerCookie = "";

beforeAll(async () => {
  ({ app, idp } = await startSamlWorld("saml-settings-test"));
  ownerCookie = await kit.signIn("owner@northwind.test");
});
afterAll(() => closeSamlWorld({ app, idp }));

const save = (input: Record<string, unknown>) =>
  kit.trpc(
    "whiteLabel.enableSSO",
    { protocol: "SAML", allowedDomains: ["northwind.test"], ...input },
    ownerCookie,
  );
const written = async () => {
  const db = app.deps.db;
  const [c] = await db.select({ n: count() }).from(customizations).where(eq(customizations.type, "SSO"));
  const [d] = await db.select({ n: count() }).from(ssoDomains);
  return { customizations: c?.n, domains: d?.n };
};
const expectInvalid = async (input: Record<string, unknown>, field: string) => {
  const before = await written();
  const { status, body } = await save(input);
  expect(status, JSON.stringify(body)).toBe(400);
  expect(body.error?.json.data).toMatchObject({ code: "VALIDATION_FAILED", field });
  expect(await written()).toEqual(before);
  return { message: body.error?.json.message ?? "" };
};
const manual = () => ({ entityId: idp.entityId, ssoUrl: idp.ssoUrl, certificate: idp.certificate });

describe("SAML settings", () => {
  it("bad metadata XML: malformed, too deep, a DOCTYPE, not metadata, no redirect binding", async () => {
    await expectInvalid({ metadataXml: "<md:EntityDescriptor" }, "metadataXml");
    const nested = `<md:Extensions>${"<a>".repeat(80)}${"</a>".repeat(80)}</md:Extensions>`;
    const deep = idp.metadataXml.replace("<md:IDPSSODescriptor", `${nested}<md:IDPSSODescriptor`);
    expect((await expectInvalid({ metadataXml: deep }, "metadataXml")).message).toMatch(/levels deep/);
    await expectInvalid(
      { metadataXml: `<!DOCTYPE x [<!ENTITY a "b">]>${idp.metadataXml.replace(/^<\?xml[^>]*>/, "")}` },
      "metadataXml",
    );
    await expectInvalid({ metadataXml: "<html><body>not metadata</body></html>" }, "metadataXml");
    await expectInvalid(
      { metadataXml: idp.metadataXml.replace(/HTTP-Redirect/g, "HTTP-Artifact") },
      "metadataXml",
    );
  });

  it("without metadata, the three values are required", async () => {
    await expectInvalid({ entityId: idp.entityId, ssoUrl: idp.ssoUrl }, "certificate");
  });

  it("an expired or not-yet-valid certificate is refused naming certificate", async () => {
    const expired = await startSamlIdp({
      from: new Date(Date.now() - 3 * 86_400_000),
      to: new Date(Date.now() - 86_400_000),
    });
    const future = await startSamlIdp({
      from: new Date(Date.now() + 86_400_000),
      to: new Date(Date.now() + 3 * 86_400_000),
    });
    try {
      await expectInvalid({ metadataXml: expired.metadataXml }, "certificate");
      await expectInvalid({ ...manual(), certificate: future.certificate }, "certificate");
    } finally {
      await expired.close();
      await future.close();
    }
  });

  it("an unreachable or failing metadata URL is refused naming metadataUrl", async () => {
    await expectInvalid({ metadataUrl: `${idp.url}/missing` }, "metadataUrl");
  });

  it("from pasted metadata: entity id, redirect sign-in URL and signing certificate are read", async () => {
    const { status, body } = await save({ metadataXml: idp.metadataXml });
    expect(status, JSON.stringify(body)).toBe(200);
    expect(body.result?.data.json).toMatchObject({
      protocol: "SAML",
      entityId: idp.entityId,
      ssoUrl: idp.ssoUrl,
      jitProvisioning: false,
      defaultRole: "MEMBER",
    });
  });

  it("from the metadata URL (kept), and by hand", async () => {
    const byUrl = await save({ metadataUrl: idp.metadataUrl, jitProvisioning: true });
    expect(byUrl.body.result?.data.json).toMatchObject({
      entityId: idp.entityId,
      ssoUrl: idp.ssoUrl,
      metadataUrl: idp.metadataUrl,
      jitProvisioning: true,
    });
    const byHand = await save(manual());
    expect(byHand.status).toBe(200);
    expect(byHand.body.result?.data.json).toMatchObject({ entityId: idp.entityId, ssoUrl: idp.ssoUrl });
    expect(byHand.body.result?.data.json.metadataUrl).toBeUndefined();
  });

  it("the service provider's addresses are for organisation admins", async () => {
    const sp = await kit.trpcGet("whiteLabel.samlServiceProvider", ownerCookie);
    expect(Object.keys(sp.result?.data.json ?? {}).sort()).toEqual(["acsUrl", "entityId", "metadataUrl"]);
    const member = await kit.signIn("member@northwind.test");
    const refused = await kit.trpcGet("whiteLabel.samlServiceProvider", member);
    expect(refused.error?.json.data.code).toBe("FORBIDDEN");
  });
});
