import { randomBytes } from "node:crypto";
import { createRemoteJWKSet, decodeProtectedHeader, jwtVerify } from "jose";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type RunningApp, startApp } from "../src/app.ts";
import { loadConfig } from "../src/config.ts";
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
    expect(payload.exp).toBeGreaterThan(Date.now() / 1000 + 300 * 86_400);
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
