import { randomBytes } from "node:crypto";
import { createRemoteJWKSet, decodeProtectedHeader, jwtVerify } from "jose";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type RunningApp, startApp } from "../src/app.ts";
import { loadConfig } from "../src/config.ts";
import { enableAPI } from "../src/white-label/api-access.ts";
import { openTestDatabase } from "./database.ts";

/** Tokens verified as an outside client would: jose against the JWKS served over HTTP. */
let app: RunningApp;
let cookie = "";
beforeAll(async () => {
  const config = loadConfig({
    LOG_LEVEL: "silent",
    PORT: "0",
    DATA_DIR: "/tmp/tessera-token-test",
    ENCRYPTION_KEY: randomBytes(32).toString("base64"),
  });
  app = await startApp(config, { dbHandle: await openTestDatabase(), jobs: false });
  const response = await post("auth.signIn", { email: "admin@tessera.test", password: "tessera-demo-2026" });
  cookie = response.headers.get("set-cookie")?.split(";")[0] ?? "";
});
afterAll(() => app.close());

const post = (path: string, body: unknown) =>
  fetch(`${app.url}/trpc/${path}`, {
    method: "POST",
    headers: { "content-type": "application/json", cookie },
    body: JSON.stringify({ json: body }),
  });

const call = async <T>(path: string, body: unknown): Promise<T> => {
  const response = await post(path, body);
  const payload = (await response.json()) as { result?: { data: { json: T } }; error?: unknown };
  if (!payload.result) throw new Error(`${path}: ${JSON.stringify(payload.error)}`);
  return payload.result.data.json;
};

const activeLicense = async () => {
  const slug = `tok-${randomBytes(3).toString("hex")}`;
  const organization = await call<{ id: string }>("organizations.create", {
    name: slug,
    slug,
    contactName: "T",
    contactEmail: `t@${slug}.test`,
  });
  const { license } = await call<{ license: { id: string } }>("licenses.create", {
    organizationId: organization.id,
    tier: "PROFESSIONAL",
    termMonths: 12,
  });
  await call("licenses.activate", { licenseId: license.id });
  return { organizationId: organization.id, licenseId: license.id };
};

describe("offline license tokens", () => {
  it("verify with jose against /.well-known/jwks.json and carry the entitlements", async () => {
    const { organizationId, licenseId } = await activeLicense();
    const { token } = await call<{ token: string }>("licenses.issueToken", { licenseId });
    const jwks = createRemoteJWKSet(new URL(`${app.url}/.well-known/jwks.json`));
    const { payload, protectedHeader } = await jwtVerify(token, jwks, {
      issuer: "tessera",
      algorithms: ["EdDSA"],
    });
    expect(protectedHeader.alg).toBe("EdDSA");
    expect(payload).toMatchObject({
      sub: organizationId,
      org: organizationId,
      lic: licenseId,
      tier: "PROFESSIONAL",
      limits: { ACTIVE_USERS: 500 },
    });
    expect(payload.features).toContain("SSO");
  });

  it("keep verifying after the signing key rotates, and new tokens use the new kid", async () => {
    const { licenseId } = await activeLicense();
    const { token: before } = await call<{ token: string }>("licenses.issueToken", { licenseId });
    const { kid: newKid, retired } = await call<{ kid: string; retired: string[] }>(
      "licenses.rotateSigningKey",
      null,
    );
    expect(retired).toContain(decodeProtectedHeader(before).kid);
    const { token: after } = await call<{ token: string }>("licenses.issueToken", { licenseId });
    expect(decodeProtectedHeader(after).kid).toBe(newKid);
    const jwks = createRemoteJWKSet(new URL(`${app.url}/.well-known/jwks.json`));
    await expect(jwtVerify(before, jwks)).resolves.toBeTruthy();
    await expect(jwtVerify(after, jwks)).resolves.toBeTruthy();
    const published = (await (await fetch(`${app.url}/.well-known/jwks.json`)).json()) as {
      keys: { kid: string; d?: string }[];
    };
    expect(published.keys.map((key) => key.kid)).toEqual(expect.arrayContaining([newKid, ...retired]));
    expect(published.keys.every((key) => key.d === undefined)).toBe(true);
  });

  it("refuses a token for a license that is not ACTIVE", async () => {
    const { licenseId } = await activeLicense();
    await call("licenses.suspend", { licenseId, reason: "test" });
    const response = await post("licenses.issueToken", { licenseId });
    expect(response.status).toBe(409);
  });
});

describe("offline license tokens are short-lived", () => {
  const claims = async (token: string) => {
    const jwks = createRemoteJWKSet(new URL(`${app.url}/.well-known/jwks.json`));
    return (await jwtVerify(token, jwks, { issuer: "tessera", algorithms: ["EdDSA"] })).payload;
  };
  const DAY_SECONDS = 86_400;
  /** Whole days from `iat` to `exp` (the two are rounded down to seconds separately). */
  const lifetimeDays = (payload: { exp?: number; iat?: number }) =>
    Math.round(((payload.exp ?? 0) - (payload.iat ?? 0)) / DAY_SECONDS);
  const getLicense = async (licenseId: string) => {
    const input = encodeURIComponent(JSON.stringify({ json: { licenseId } }));
    const response = await fetch(`${app.url}/trpc/licenses.get?input=${input}`, { headers: { cookie } });
    return (
      (await response.json()) as { result: { data: { json: { expiresAt: string; tokenTtlDays: number } } } }
    ).result.data.json;
  };

  it("expire 30 days after issue by default, not with the license's 12-month term, and name the license's own end", async () => {
    const { licenseId } = await activeLicense();
    const license = await getLicense(licenseId);
    expect(license.tokenTtlDays).toBe(30);
    const { token, expiresAt } = await call<{ token: string; expiresAt: string }>("licenses.issueToken", {
      licenseId,
    });
    const payload = await claims(token);
    expect(lifetimeDays(payload)).toBe(30);
    expect(Math.floor(new Date(expiresAt).getTime() / 1000)).toBe(payload.exp);
    expect(payload.lexp).toBe(Math.floor(new Date(license.expiresAt).getTime() / 1000));
  });

  it("last the per-license TTL staff set on create or change later, never past the license's expiry", async () => {
    const slug = `ttl-${randomBytes(3).toString("hex")}`;
    const organization = await call<{ id: string }>("organizations.create", {
      name: slug,
      slug,
      contactName: "T",
      contactEmail: `t@${slug}.test`,
    });
    const { license } = await call<{ license: { id: string; tokenTtlDays: number } }>("licenses.create", {
      organizationId: organization.id,
      tier: "STARTER",
      termMonths: 1,
      tokenTtlDays: 7,
    });
    expect(license.tokenTtlDays).toBe(7);
    await call("licenses.activate", { licenseId: license.id });
    const short = await claims(
      (await call<{ token: string }>("licenses.issueToken", { licenseId: license.id })).token,
    );
    expect(lifetimeDays(short)).toBe(7);

    await call("licenses.updateSettings", { licenseId: license.id, tokenTtlDays: 365 });
    const capped = await claims(
      (await call<{ token: string }>("licenses.issueToken", { licenseId: license.id })).token,
    );
    expect(capped.exp).toBe(capped.lexp);
    expect((capped.exp ?? 0) - (capped.iat ?? 0)).toBeLessThan(32 * DAY_SECONDS);
  });

  it("refuse a TTL outside 1–365 days, naming the field", async () => {
    const { licenseId } = await activeLicense();
    for (const tokenTtlDays of [0, 366, 3650]) {
      const response = await post("licenses.updateSettings", { licenseId, tokenTtlDays });
      expect(response.status).toBe(400);
      const body = (await response.json()) as { error: { json: { data: { code: string; field: string } } } };
      expect(body.error.json.data).toMatchObject({ code: "VALIDATION_FAILED", field: "tokenTtlDays" });
    }
  });

  it("are refreshed by the platform with its organisation key (license:read)", async () => {
    const { organizationId, licenseId } = await activeLicense();
    const system = { db: app.deps.db, clock: app.deps.clock, actor: null, ip: null };
    await enableAPI(system, organizationId, true);
    const { key } = await call<{ key: string }>("apiKeys.create", {
      organizationId,
      name: "platform",
      scopes: ["license:read"],
    });
    const response = await fetch(`${app.url}/trpc/licenses.platformToken`, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${key}` },
      body: JSON.stringify({ json: null }),
    });
    const body = (await response.json()) as {
      result?: { data: { json: { token: string } } };
      error?: unknown;
    };
    if (!body.result) throw new Error(JSON.stringify(body.error));
    const payload = await claims(body.result.data.json.token);
    expect(payload).toMatchObject({ lic: licenseId, org: organizationId });
    expect(lifetimeDays(payload)).toBe(30);
  });
});
