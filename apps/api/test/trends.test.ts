import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestHarness, errorField, type TestHarness } from "./harness.ts";

let h: TestHarness;
beforeAll(async () => {
  h = await createTestHarness();
});
afterAll(() => h.close());

const DAY = 86_400_000;

describe("trends for the dashboard charts", () => {
  it("counts licenses in force by tier at each month's end and those created each month", async () => {
    const staff = await h.caller("staffViewer");
    const before = await staff.licenses.trend({ months: 3 });
    expect(before.map((point) => point.month)).toEqual(["2026-04", "2026-05", "2026-06"]);
    // the harness activates a PROFESSIONAL (A) and a STARTER (B) license at the start
    expect(before[2]).toMatchObject({ inForce: { STARTER: 1, PROFESSIONAL: 1, ENTERPRISE: 0 }, created: 2 });
    expect(before[1]).toMatchObject({ inForce: { STARTER: 0, PROFESSIONAL: 0 }, created: 0 });
    const { license } = await h.newLicensedOrganization("ENTERPRISE");
    await (await h.caller("staffAdmin")).licenses.suspend({ licenseId: license.id, reason: "unpaid" });
    await h.newLicensedOrganization("STARTER", "PENDING");
    const after = await staff.licenses.trend({ months: 3 });
    // the suspended one is not in force; the pending one is created but not in force
    expect(after[2]).toMatchObject({ inForce: { STARTER: 1, PROFESSIONAL: 1, ENTERPRISE: 0 }, created: 4 });
  });

  it("sums API calls and each license's peak gauge per month across organisations", async () => {
    const platform = await h.callerWithApiKey(h.orgKeyA.key);
    await platform.usage.trackBatch({
      events: [
        { metric: "API_CALLS", value: 100, idempotencyKey: "trend-1" },
        { metric: "ACTIVE_USERS", value: 10, idempotencyKey: "trend-2" },
      ],
    });
    h.clock.advance(DAY);
    try {
      await platform.usage.trackBatch({
        events: [
          { metric: "API_CALLS", value: 50, idempotencyKey: "trend-3" },
          { metric: "ACTIVE_USERS", value: 30, idempotencyKey: "trend-4" },
        ],
      });
      const trend = await (await h.caller("staffSupport")).usage.trend({ months: 2 });
      expect(trend).toEqual([
        { month: "2026-05", usage: { ACTIVE_USERS: 0, COURSES: 0, API_CALLS: 0, STORAGE_BYTES: 0 } },
        { month: "2026-06", usage: { ACTIVE_USERS: 30, COURSES: 0, API_CALLS: 150, STORAGE_BYTES: 0 } },
      ]);
    } finally {
      h.clock.advance(-DAY);
    }
  });

  it("refuses a range beyond 24 months, naming the field", async () => {
    const staff = await h.caller("staffAdmin");
    expect(await errorField(staff.usage.trend({ months: 25 }))).toBe("months");
    expect(await errorField(staff.licenses.trend({ months: 0 }))).toBe("months");
  });
});
