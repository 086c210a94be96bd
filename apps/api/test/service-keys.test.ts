import { apiKeys } from "@tessera/db/schema";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sha256 } from "../src/auth/tokens.ts";
import { createTestHarness, errorCode, type TestHarness } from "./harness.ts";

let h: TestHarness;
beforeAll(async () => {
  h = await createTestHarness();
});
afterAll(() => h.close());

describe("staff service keys", () => {
  it("are shown once, stored hashed, and authenticate the license endpoints", async () => {
    const staff = await h.caller("staffAdmin");
    const created = await staff.serviceKeys.create({ name: "Billing system", scopes: ["licenses:write"] });
    expect(created.key).toMatch(/^tsk_[0-9a-f]{8}_/);
    expect(created.prefix).toBe(created.key.slice(0, 12));
    const [row] = await h.db.select().from(apiKeys).where(eq(apiKeys.id, created.id));
    expect(row?.keyHash).toBe(sha256(created.key));
    expect((await staff.serviceKeys.list()).find((key) => key.id === created.id)).not.toHaveProperty("key");

    const billing = await h.callerWithApiKey(created.key);
    const { organization, license } = await h.newLicensedOrganization("STARTER", "PENDING");
    expect((await billing.licenses.activate({ licenseId: license.id })).status).toBe("ACTIVE");
    const audit = await staff.audit.list({ organizationId: organization.id, action: "license.activated" });
    expect(audit.items[0]?.actorLabel).toBe(`api-key:${created.prefix}`);
    const [used] = await h.db.select().from(apiKeys).where(eq(apiKeys.id, created.id));
    expect(used?.lastUsedAt).not.toBeNull();
  });

  it("answer 401 once revoked or expired or unknown, 403 without the scope", async () => {
    const staff = await h.caller("staffAdmin");
    const readOnly = await staff.serviceKeys.create({ name: "Reporting", scopes: ["licenses:read"] });
    const reader = await h.callerWithApiKey(readOnly.key);
    expect((await reader.licenses.get({ licenseId: h.licenseA.id })).id).toBe(h.licenseA.id);
    expect(await errorCode(reader.licenses.suspend({ licenseId: h.licenseA.id, reason: "x" }))).toBe(
      "FORBIDDEN",
    );

    await staff.serviceKeys.revoke({ apiKeyId: readOnly.id });
    expect(
      await errorCode((await h.callerWithApiKey(readOnly.key)).licenses.get({ licenseId: h.licenseA.id })),
    ).toBe("UNAUTHENTICATED");

    const shortLived = await staff.serviceKeys.create({
      name: "Temp",
      scopes: ["licenses:read"],
      expiresAt: new Date(h.clock.now().getTime() + 60_000),
    });
    h.clock.advance(120_000);
    expect(
      await errorCode((await h.callerWithApiKey(shortLived.key)).licenses.get({ licenseId: h.licenseA.id })),
    ).toBe("UNAUTHENTICATED");
    expect(
      await errorCode((await h.callerWithApiKey("tsk_nothing")).licenses.get({ licenseId: h.licenseA.id })),
    ).toBe("UNAUTHENTICATED");
  });

  it("refuses an expiry in the past, naming the field", async () => {
    const staff = await h.caller("staffAdmin");
    const call = staff.serviceKeys.create({ name: "x", scopes: ["licenses:read"], expiresAt: new Date(0) });
    expect(await errorCode(call)).toBe("VALIDATION_FAILED");
  });
});
