import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { LICENSE_CHANGED_CHANNEL } from "../src/licenses/validation-cache.ts";
import { createTestHarness, errorCode, type TestHarness } from "./harness.ts";

/** Two API instances on one database: limits and cache invalidation hold across both. */
let h: TestHarness;
let second: Awaited<ReturnType<TestHarness["secondInstance"]>>;
const unlisteners: (() => Promise<void>)[] = [];

beforeAll(async () => {
  h = await createTestHarness({
    RATE_LIMIT_STORE: "postgres",
    VALIDATE_MAX_PER_KEY: "4",
    LOGIN_MAX_ATTEMPTS_PER_EMAIL: "5",
    LOGIN_BACKOFF_BASE_SECONDS: "0",
  });
  second = await h.secondInstance();
  for (const deps of [h.deps, second.deps]) {
    unlisteners.push(
      await deps.dbHandle.listen(LICENSE_CHANGED_CHANNEL, (id) => deps.validationCache.invalidate(id)),
    );
  }
});
afterAll(async () => {
  for (const unlisten of unlisteners) await unlisten();
  await second.close();
  await h.close();
});

const eventually = async (check: () => Promise<boolean>, ms = 3000) => {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    if (await check()) return true;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  return false;
};

describe("two instances", () => {
  it("share the per-(key, address) validation limit through PostgreSQL", async () => {
    const { key } = await h.newLicensedOrganization();
    // the same caller address as the second instance's: the limit counts per key and address
    const one = await h.callerWithToken(null, "203.0.113.9");
    const two = await second.caller();
    const codes = [];
    for (const caller of [one, two, one, two, one])
      codes.push(await errorCode(caller.licenses.validate({ key })));
    expect(codes).toEqual(["OK", "OK", "OK", "OK", "RATE_LIMITED"]);
  });

  it("share sign-in throttling per email (from two addresses)", async () => {
    const one = await h.caller("anonymous");
    const two = await second.caller();
    for (let attempt = 0; attempt < 5; attempt++) {
      await errorCode(
        (attempt % 2 ? two : one).auth.signIn({ email: "viewer@staff.test", password: "wrong-password" }),
      );
    }
    expect(await errorCode(two.auth.signIn({ email: "viewer@staff.test", password: "wrong-password" }))).toBe(
      "RATE_LIMITED",
    );
  });

  it("a suspension on one instance reaches the other's validation cache", async () => {
    const { license, key } = await h.newLicensedOrganization();
    const two = await second.caller();
    expect((await two.licenses.validate({ key })).code).toBe("VALID"); // now cached on instance two
    await (await h.caller("staffAdmin")).licenses.suspend({ licenseId: license.id, reason: "unpaid" });
    const seen = await eventually(
      async () => (await (await second.caller()).licenses.validate({ key })).code === "SUSPENDED",
    );
    expect(seen).toBe(true);
  });
});
