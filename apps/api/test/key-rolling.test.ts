import { auditEvents } from "@tessera/db/schema";
import { and, eq } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { createTestHarness, errorField, type TestHarness } from "./harness.ts";

/** Key rolling: after a rotation the old key keeps validating for the chosen overlap, then not. */
let h: TestHarness;
let start: Date;
beforeAll(async () => {
  h = await createTestHarness();
  start = h.clock.now();
});
afterAll(() => h.close());
afterEach(() => h.clock.set(start));

const HOUR = 3_600_000;
const at = (ms: number) => new Date(start.getTime() + ms);
const validate = async (key: string) => (await (await h.caller("anonymous")).licenses.validate({ key })).code;

describe("key rolling", () => {
  it("with 1h both keys validate, then the old one answers like an unknown key", async () => {
    const { license, key: oldKey } = await h.newLicensedOrganization();
    const staff = await h.caller("staffAdmin");
    const rotated = await staff.licenses.rotateKey({ licenseId: license.id, oldKeyExpiresIn: "1h" });
    expect(rotated.previousKeyExpiresAt).toEqual(at(HOUR));
    expect(rotated.license.previousKeyExpiresAt).toEqual(at(HOUR));
    expect(rotated.license).not.toHaveProperty("previousKeyHash");
    expect(await validate(oldKey)).toBe("VALID");
    expect(await validate(rotated.key)).toBe("VALID");

    h.clock.set(at(HOUR));
    expect(await validate(oldKey)).toBe("NOT_FOUND");
    expect(await validate(rotated.key)).toBe("VALID");
    expect((await staff.licenses.get({ licenseId: license.id })).previousKeyExpiresAt).toBeNull();
  });

  it("the validation cache does not keep the old key valid past its overlap", async () => {
    const { license, key: oldKey } = await h.newLicensedOrganization();
    const staff = await h.caller("staffAdmin");
    await staff.licenses.rotateKey({ licenseId: license.id, oldKeyExpiresIn: "1h" });
    h.clock.set(at(HOUR - 1000));
    expect(await validate(oldKey)).toBe("VALID"); // cached from here on, within the cache's TTL
    h.clock.set(at(HOUR));
    expect(await validate(oldKey)).toBe("NOT_FOUND");
  });

  it("defaults to a 24 hour overlap", async () => {
    const { license, key: oldKey } = await h.newLicensedOrganization();
    const rotated = await (await h.caller("staffAdmin")).licenses.rotateKey({ licenseId: license.id });
    expect(rotated.previousKeyExpiresAt).toEqual(at(24 * HOUR));
    h.clock.set(at(24 * HOUR - 1000));
    expect(await validate(oldKey)).toBe("VALID");
    h.clock.set(at(24 * HOUR));
    expect(await validate(oldKey)).toBe("NOT_FOUND");
  });

  it("rotating during an overlap: the newest previous key replaces the older one", async () => {
    const { license, key: first } = await h.newLicensedOrganization();
    const staff = await h.caller("staffAdmin");
    const second = await staff.licenses.rotateKey({ licenseId: license.id, oldKeyExpiresIn: "7d" });
    expect(await validate(first)).toBe("VALID");
    const third = await staff.licenses.rotateKey({ licenseId: license.id, oldKeyExpiresIn: "1h" });
    expect(await validate(first)).toBe("NOT_FOUND");
    expect(await validate(second.key)).toBe("VALID");
    expect(await validate(third.key)).toBe("VALID");
    // Both keys are cached now; rotating drops both from the cache, not only the last one.
    await staff.licenses.rotateKey({ licenseId: license.id, oldKeyExpiresIn: "now" });
    expect(await validate(third.key)).toBe("NOT_FOUND");
    expect(await validate(second.key)).toBe("NOT_FOUND");
  });

  it("a customer admin rolls its own key and the rotation is audited with the overlap", async () => {
    const { licenseA: license, keyA: oldKey } = h;
    const owner = await h.caller("ownerA");
    const rotated = await owner.licenses.rotateMyKey({ licenseId: license.id, oldKeyExpiresIn: "7d" });
    expect(rotated.previousKeyExpiresAt).toEqual(at(7 * 24 * HOUR));
    expect(await validate(oldKey)).toBe("VALID");
    const [audit] = await h.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.targetId, license.id), eq(auditEvents.action, "license.key_rotated")));
    expect(JSON.stringify(audit)).not.toContain("previousKeyHash");
  });

  it("refuses an overlap that is not offered, naming the field", async () => {
    const { license } = await h.newLicensedOrganization();
    const staff = await h.caller("staffAdmin");
    const call = staff.licenses.rotateKey({ licenseId: license.id, oldKeyExpiresIn: "2h" as "1h" });
    expect(await errorField(call)).toBe("oldKeyExpiresIn");
  });
});
