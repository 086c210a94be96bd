import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cancelLicense } from "../src/licenses/lifecycle.ts";
import type { ErrorEnvelope } from "../src/rest/envelope.ts";
import { useRestClient } from "./support/rest-client.ts";
import { startLicenseApp } from "./support/rest-license-fixtures.ts";

/** An organisation's own license under its path: its license:read key, or staff service keys. */
let fixture: Awaited<ReturnType<typeof startLicenseApp>>;
const rest = useRestClient("rest-organization-license.test.ts", () => fixture.app.url);
type License = { id: string; status: string };
type Validation = { valid: boolean; code: string; license: { id: string } | null; usage: unknown };
let orgA = { id: "", licenseId: "", key: "" };
let orgB = { id: "", licenseId: "" };
let unlicensedId = "";

beforeAll(async () => {
  fixture = await startLicenseApp("rest-organization-license-test");
  const a = await fixture.organization("own-a");
  const b = await fixture.organization("own-b");
  const licenseA = await fixture.license(a.id);
  const licenseB = await fixture.license(b.id, { tier: "PROFESSIONAL" });
  orgA = {
    id: a.id,
    licenseId: licenseA.license.id,
    key: await fixture.organizationKey(a.id, "license:read"),
  };
  orgB = { id: b.id, licenseId: licenseB.license.id };
  unlicensedId = (await fixture.organization("own-none")).id;
}, 60_000);
afterAll(() => fixture?.app.close());

const path = (organizationId: string, rest = "") => `/api/v1/organizations/${organizationId}/license${rest}`;
const envelope = (answer: { body: unknown }) => (answer.body as ErrorEnvelope).error;

describe("GET /v1/organizations/{organizationId}/license", () => {
  it("answers the organisation key's own license, and 404 for another organisation's", async () => {
    const own = await rest<{ current: License; history: License[] }>("GET", path(orgA.id), { key: orgA.key });
    expect(own.status).toBe(200);
    expect(own.body.current).toMatchObject({ id: orgA.licenseId, status: "ACTIVE" });
    expect(own.body.history.map((license) => license.id)).toEqual([orgA.licenseId]);
    const foreign = await rest("GET", path(orgB.id), { key: orgA.key });
    expect(foreign.status).toBe(404);
    expect(envelope(foreign)).toMatchObject({ code: "NOT_FOUND", field: "organizationId" });
    expect(foreign.text).not.toContain(orgB.licenseId);
  });

  it("answers any organisation to a service key with licenses:read, not to one without", async () => {
    const reader = await fixture.serviceKey("licenses:read");
    const answer = await rest<{ current: License }>("GET", path(orgB.id), { key: reader });
    expect(answer.body.current.id).toBe(orgB.licenseId);
    expect((await rest("GET", path(orgB.id), { key: await fixture.serviceKey("usage:read") })).status).toBe(
      403,
    );
    const usageOnly = await fixture.organizationKey(orgA.id, "usage:write");
    expect((await rest("GET", path(orgA.id), { key: usageOnly })).status).toBe(403);
  });
});

describe("POST /v1/organizations/{organizationId}/license/check", () => {
  const check = (organizationId: string, body: unknown, key = orgA.key) =>
    rest<Validation>("POST", path(organizationId, "/check"), { key, body });

  it("judges the own license as the public validation does, without its key", async () => {
    const plain = await check(orgA.id, {});
    expect(plain.status).toBe(200);
    expect(plain.body).toMatchObject({
      valid: true,
      code: "VALID",
      license: { id: orgA.licenseId },
      usage: null,
    });
    expect((await check(orgA.id, { feature: "SSO" })).body).toMatchObject({
      valid: false,
      code: "FEATURE_NOT_ENTITLED",
    });
    const seats = await check(orgA.id, { metric: "ACTIVE_USERS", increment: 111 });
    expect(seats.body).toMatchObject({ valid: false, code: "OVER_LIMIT", usage: { ACTIVE_USERS: 0 } });
    expect((await check(orgA.id, { includeUsage: true })).body.usage).toMatchObject({ ACTIVE_USERS: 0 });
  });

  it("refuses a metric without increment naming it, another organisation (404), none licensed (404)", async () => {
    const bad = await check(orgA.id, { metric: "ACTIVE_USERS" });
    expect(bad.status).toBe(400);
    expect(envelope(bad).field).toBe("increment");
    expect(envelope(await check(orgA.id, { feature: "TELEPATHY" })).field).toBe("feature");
    const foreign = await check(orgB.id, {});
    expect(foreign.status).toBe(404);
    expect(foreign.text).not.toContain(orgB.licenseId);
    const reader = await fixture.serviceKey("licenses:read");
    expect((await check(orgB.id, { feature: "SSO" }, reader)).body).toMatchObject({ code: "VALID" });
    expect((await check(unlicensedId, {}, reader)).status).toBe(404);
  });

  it("answers for the latest license when none is in force (CANCELLED, not 404)", async () => {
    const gone = await fixture.organization("own-gone");
    const { license } = await fixture.license(gone.id);
    await cancelLicense(fixture.system, license.id, "left");
    const answer = await check(gone.id, {}, await fixture.serviceKey("licenses:read"));
    expect(answer.body).toMatchObject({ valid: false, code: "CANCELLED", license: { id: license.id } });
  });
});

describe("POST /v1/organizations/{organizationId}/license/token", () => {
  const token = (organizationId: string, key = orgA.key) =>
    rest<{ token: string; kid: string }>("POST", path(organizationId, "/token"), { key });

  it("signs the own license's token for its license:read key, not another organisation's", async () => {
    const own = await token(orgA.id);
    expect(own.status).toBe(200);
    const payload = JSON.parse(Buffer.from(own.body.token.split(".")[1] ?? "", "base64url").toString());
    expect(payload).toMatchObject({ lic: orgA.licenseId, org: orgA.id });
    const foreign = await token(orgB.id);
    expect(foreign.status).toBe(404);
    expect(envelope(foreign).field).toBe("organizationId");
  });

  it("needs licenses:write of a service key", async () => {
    expect((await token(orgB.id, await fixture.serviceKey("licenses:read"))).status).toBe(403);
    const writer = await fixture.serviceKey("licenses:write");
    expect((await token(orgB.id, writer)).status).toBe(200);
    expect((await token(unlicensedId, writer)).status).toBe(404);
  });
});
