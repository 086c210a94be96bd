import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApiKey } from "../src/api-keys/service.ts";
import { cancelLicense, suspendLicense } from "../src/licenses/lifecycle.ts";
import { findLicense } from "../src/licenses/lookup.ts";
import { addMember } from "../src/team/service.ts";
import { createTestHarness, errorCode, TEST_PASSWORD, type TestHarness } from "./harness.ts";

let h: TestHarness;
beforeAll(async () => {
  h = await createTestHarness();
});
afterAll(() => h.close());

let events = 0;
/** An organisation of the status with API access on, and a platform key holding every organisation scope. */
const platformOf = async (status: "PENDING" | "ACTIVE" | "SUSPENDED" = "ACTIVE") => {
  const fixture = await h.newLicensedOrganization("STARTER", status);
  const { key } = await createApiKey(h.system, {
    organizationId: fixture.organization.id,
    name: "platform",
    scopes: ["usage:write", "license:read", "tickets:write"],
  });
  /** Every organisation-key procedure, each answering its error code (or OK). */
  const calls = async () => {
    const platform = await h.callerWithApiKey(key);
    return [
      await errorCode(
        platform.usage.track({ metric: "API_CALLS", value: 1, idempotencyKey: `e-${events++}` }),
      ),
      await errorCode(
        platform.usage.trackBatch({
          events: [{ metric: "API_CALLS", value: 1, idempotencyKey: `e-${events++}` }],
        }),
      ),
      await errorCode(
        platform.support.createViaApi({ subject: "Help", description: "Please", priority: "LOW" }),
      ),
    ];
  };
  return { ...fixture, calls };
};

describe("organisation API keys need a license in force", () => {
  it("work while the license is PENDING, ACTIVE or SUSPENDED", async () => {
    for (const status of ["PENDING", "ACTIVE", "SUSPENDED"] as const) {
      const { calls } = await platformOf(status);
      expect(await calls(), status).toEqual(["OK", "OK", "OK"]);
    }
  });

  it("are refused with API_ACCESS_DISABLED on every procedure once the license is cancelled", async () => {
    const { license, calls } = await platformOf("ACTIVE");
    expect(await calls()).toEqual(["OK", "OK", "OK"]);
    await cancelLicense(h.system, license.id, "customer left");
    expect(await calls()).toEqual(["API_ACCESS_DISABLED", "API_ACCESS_DISABLED", "API_ACCESS_DISABLED"]);
  });

  it("are refused once a suspended license is cancelled", async () => {
    const { license, calls } = await platformOf("ACTIVE");
    await suspendLicense(h.system, license.id, "unpaid");
    expect(await calls()).toEqual(["OK", "OK", "OK"]);
    await cancelLicense(h.system, license.id, "still unpaid");
    expect(await calls()).toEqual(["API_ACCESS_DISABLED", "API_ACCESS_DISABLED", "API_ACCESS_DISABLED"]);
  });

  it("are refused when an ACTIVE license is past its expiry, before any job has marked it EXPIRED", async () => {
    const { license, calls } = await platformOf("ACTIVE");
    const { expiresAt } = await findLicense(h.system, license.id);
    if (!expiresAt) throw new Error("an ACTIVE license has an expiry");
    const start = h.clock.now();
    try {
      h.clock.set(new Date(expiresAt.getTime() + 1_000));
      expect(await calls()).toEqual(["API_ACCESS_DISABLED", "API_ACCESS_DISABLED", "API_ACCESS_DISABLED"]);
    } finally {
      h.clock.set(start);
    }
    expect(await calls()).toEqual(["OK", "OK", "OK"]);
  });

  it("the portal's API access view says what the keys get: active while suspended, not once cancelled", async () => {
    const { organization, license, calls } = await platformOf("ACTIVE");
    const owner = await addMember(h.system, organization.id, {
      name: "Owner",
      email: `owner@${organization.slug}.test`,
      password: TEST_PASSWORD,
      role: "OWNER",
    });
    const portal = await h.callerWithToken(await h.sessionToken(owner.id));
    await suspendLicense(h.system, license.id, "unpaid");
    expect(await portal.whiteLabel.apiAccess()).toMatchObject({ active: true, refusal: null });
    expect(await calls()).toEqual(["OK", "OK", "OK"]);
    await cancelLicense(h.system, license.id, "gone");
    expect(await portal.whiteLabel.apiAccess()).toMatchObject({
      active: false,
      refusal: "NO_LICENSE_IN_FORCE",
    });
  });

  it("names why in the error: no license in force", async () => {
    const { license } = await platformOf("ACTIVE");
    const { key } = await createApiKey(h.system, {
      organizationId: license.organizationId,
      name: "second",
      scopes: ["usage:write"],
    });
    await cancelLicense(h.system, license.id, "gone");
    const error = await (await h.callerWithApiKey(key)).usage
      .track({ metric: "API_CALLS", value: 1, idempotencyKey: "why-1" })
      .catch((caught: unknown) => caught);
    expect(error).toMatchObject({ message: expect.stringContaining("no license in force") });
  });
});
