import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ErrorEnvelope } from "../src/rest/envelope.ts";
import { useRestClient } from "./support/rest-client.ts";
import { startLicenseApp } from "./support/rest-license-fixtures.ts";

/** Suspend, reinstate, cancel, settings, key rotation and offline tokens over REST. */
let fixture: Awaited<ReturnType<typeof startLicenseApp>>;
const rest = useRestClient("rest-license-actions.test.ts", () => fixture.app.url);
type License = { id: string; status: string; version: number; autoRenew: boolean; tokenTtlDays: number };
let writer = "";
let reader = "";
let slugs = 0;

beforeAll(async () => {
  fixture = await startLicenseApp("rest-license-actions-test");
  writer = await fixture.serviceKey("licenses:write", "licenses:read");
  reader = await fixture.serviceKey("licenses:read");
}, 60_000);
afterAll(() => fixture?.app.close());

const activeLicense = async (options: { active?: boolean } = {}) => {
  const organization = await fixture.organization(`actions-${slugs++}`);
  return fixture.license(organization.id, options);
};
const post = (path: string, body: unknown, key = writer) =>
  rest<License>("POST", `/api/v1/licenses/${path}`, { key, body });
const read = async (id: string) =>
  (await rest<License>("GET", `/api/v1/licenses/${id}`, { key: reader })).body;
const envelope = (answer: { body: unknown }) => (answer.body as ErrorEnvelope).error;

describe("suspend, reinstate, cancel", () => {
  it("moves a license through its lifecycle, once per version", async () => {
    const { license } = await activeLicense();
    const early = await post(`${license.id}/suspend`, { reason: "Invoice unpaid", expectedVersion: 1 });
    expect(envelope(early)).toMatchObject({ code: "STALE_VERSION", field: "expectedVersion" });
    const suspended = await post(`${license.id}/suspend`, { reason: "Invoice unpaid", expectedVersion: 2 });
    expect(suspended.status).toBe(200);
    expect(suspended.body).toMatchObject({ status: "SUSPENDED", version: 3 });
    const stale = await post(`${license.id}/reinstate`, { expectedVersion: 2 });
    expect(stale.status).toBe(409);
    expect(envelope(stale)).toMatchObject({ code: "STALE_VERSION", field: "expectedVersion" });
    expect((await post(`${license.id}/reinstate`, { expectedVersion: 3 })).body.status).toBe("ACTIVE");
    const cancelled = await post(`${license.id}/cancel`, { reason: "Customer left" });
    expect(cancelled.body.status).toBe("CANCELLED");
    const again = await post(`${license.id}/reinstate`, {});
    expect(again.status).toBe(409);
    expect(envelope(again).code).toBe("LICENSE_INVALID_TRANSITION");
  });

  it("refuses an empty reason naming the field, and the license stays ACTIVE", async () => {
    const { license } = await activeLicense();
    for (const body of [{ reason: "" }, {}, { reason: "   " }]) {
      const answer = await post(`${license.id}/suspend`, body);
      expect(answer.status).toBe(400);
      expect(envelope(answer)).toMatchObject({ code: "VALIDATION_FAILED", field: "reason" });
    }
    expect(envelope(await post(`${license.id}/cancel`, { reason: "" })).field).toBe("reason");
    expect(await read(license.id)).toMatchObject({ status: "ACTIVE", version: license.version });
  });

  it("answers 403 to a key with only licenses:read, and 404 for an unknown license", async () => {
    const { license } = await activeLicense();
    const answer = await post(`${license.id}/suspend`, { reason: "nope" }, reader);
    expect(answer.status).toBe(403);
    expect(envelope(answer).code).toBe("FORBIDDEN");
    expect((await read(license.id)).status).toBe("ACTIVE");
    const missing = await post("00000000-0000-4000-8000-000000000000/suspend", { reason: "x" });
    expect(missing.status).toBe(404);
  });
});

describe("PATCH /v1/licenses/{licenseId}", () => {
  it("changes settings, and refuses a bad value naming it without writing", async () => {
    const { license } = await activeLicense();
    const patch = (body: unknown, key = writer) =>
      rest<License>("PATCH", `/api/v1/licenses/${license.id}`, { key, body });
    const changed = await patch({ autoRenew: true, tokenTtlDays: 14 });
    expect(changed.status).toBe(200);
    expect(changed.body).toMatchObject({ autoRenew: true, tokenTtlDays: 14, version: license.version + 1 });
    const bad = await patch({ autoRenew: false, tokenTtlDays: 0 });
    expect(bad.status).toBe(400);
    expect(envelope(bad).field).toBe("tokenTtlDays");
    expect(await read(license.id)).toMatchObject({ autoRenew: true, version: license.version + 1 });
    expect((await patch({ autoRenew: false }, reader)).status).toBe(403);
  });
});

describe("POST /v1/licenses/{licenseId}/rotate-key", () => {
  it("answers the new key once; the old key keeps validating for the overlap, 24 h by default", async () => {
    const { license, key: oldKey } = await activeLicense();
    const rotate = (body: unknown) =>
      rest<{ key: string; previousKeyExpiresAt: string | null; license: License & { keyLast4: string } }>(
        "POST",
        `/api/v1/licenses/${license.id}/rotate-key`,
        { key: writer, body },
      );
    const validate = async (key: string) =>
      (await rest<{ code: string }>("POST", "/api/v1/licenses/validate", { body: { key } })).body.code;
    const rotated = await rotate({});
    expect(rotated.status).toBe(200);
    expect(rotated.body.key).not.toBe(oldKey);
    expect(rotated.body.key.replace(/-/g, "").endsWith(rotated.body.license.keyLast4)).toBe(true);
    const day = 24 * 60 * 60 * 1000;
    expect(Date.parse(rotated.body.previousKeyExpiresAt ?? "")).toBe(fixture.clock.now().getTime() + day);
    expect(await validate(rotated.body.key)).toBe("VALID");
    expect(await validate(oldKey)).toBe("VALID");
    const again = await rotate({ oldKeyExpiresIn: "now" });
    expect(again.body.previousKeyExpiresAt).toBeNull();
    for (const retired of [oldKey, rotated.body.key]) expect(await validate(retired)).toBe("NOT_FOUND");
    expect(await validate(again.body.key)).toBe("VALID");
  });

  it("refuses an unknown overlap naming it, and rotates nothing", async () => {
    const { license } = await activeLicense();
    const answer = await post(`${license.id}/rotate-key`, { oldKeyExpiresIn: "forever" });
    expect(answer.status).toBe(400);
    expect(envelope(answer).field).toBe("oldKeyExpiresIn");
    expect((await read(license.id)).version).toBe(license.version);
  });
});

describe("POST /v1/licenses/{licenseId}/tokens", () => {
  it("signs a token for an ACTIVE license: 200, no Location", async () => {
    const { license } = await activeLicense();
    const answer = await rest<{ token: string; kid: string; expiresAt: string }>(
      "POST",
      `/api/v1/licenses/${license.id}/tokens`,
      { key: writer },
    );
    expect(answer.status).toBe(200);
    expect(answer.headers.get("location")).toBeNull();
    const [header, payload] = answer.body.token
      .split(".")
      .slice(0, 2)
      .map((part) => JSON.parse(Buffer.from(part, "base64url").toString()));
    expect(header.kid).toBe(answer.body.kid);
    expect(payload).toMatchObject({ lic: license.id, tier: "STARTER" });
    expect(new Date(answer.body.expiresAt).getTime()).toBe(payload.exp * 1000);
  });

  it("refuses a license not ACTIVE (409) and a key without licenses:write (403)", async () => {
    const { license } = await activeLicense({ active: false });
    const pending = await post(`${license.id}/tokens`, undefined);
    expect(pending.status).toBe(409);
    expect(envelope(pending)).toMatchObject({ code: "LICENSE_INVALID_TRANSITION", field: "licenseId" });
    expect((await post(`${license.id}/tokens`, undefined, reader)).status).toBe(403);
  });
});
