import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ingestUsage } from "../src/usage/ingest.ts";
import { createTestHarness, type TestHarness } from "./harness.ts";
import { refusal } from "./support/refusal.ts";

/** The portal's usage ranges (issue 18, item 11): bounds, refusals, tenancy and the CSV. */
let h: TestHarness;
beforeAll(async () => {
  h = await createTestHarness();
  // Organisation A reports far more than B, on the days up to today (the harness's 2026-06-01).
  const day = (offset: number) => new Date(h.clock.now().getTime() - offset * 86_400_000);
  for (const [organizationId, scale] of [
    [h.orgA.id, 1000],
    [h.orgB.id, 1],
  ] as const) {
    await ingestUsage(h.system, organizationId, [
      ...[4, 3, 2, 1, 0].map((offset) => ({
        metric: "API_CALLS" as const,
        value: (10 + offset) * scale,
        occurredAt: day(offset),
        idempotencyKey: `c${offset}`,
      })),
      // no active users reported on 2026-05-30
      ...[4, 3, 1, 0].map((offset) => ({
        metric: "ACTIVE_USERS" as const,
        value: 5 * scale,
        occurredAt: day(offset),
        idempotencyKey: `u${offset}`,
      })),
      { metric: "STORAGE_BYTES", value: 1_073_741_824 * Math.min(scale, 100), idempotencyKey: "s" },
    ]);
  }
}, 90_000);
afterAll(() => h.close());

describe("the customer's usage report for a range", () => {
  it("holds exactly the range's days, bounds included", async () => {
    const owner = await h.caller("ownerB");
    const report = await owner.usage.myReport({ from: "2026-05-29", to: "2026-05-31" });
    expect(report.days).toEqual(["2026-05-29", "2026-05-30", "2026-05-31"]);
    expect(report.series.API_CALLS).toEqual([
      { day: "2026-05-29", value: 13 },
      { day: "2026-05-30", value: 12 },
      { day: "2026-05-31", value: 11 },
    ]);
    expect(report.totals.API_CALLS).toBe(36);
    const today = await owner.usage.myReport({ from: "2026-06-01", to: "2026-06-01" });
    expect(today.totals.API_CALLS).toBe(10);
  });

  it.each([
    ["to before from", { from: "2026-05-30", to: "2026-05-29" }, "to"],
    ["to after today", { from: "2026-05-01", to: "2026-06-02" }, "to"],
    ["both after today", { from: "2026-06-02", to: "2026-06-03" }, "from"],
    ["over two years", { from: "2024-05-01", to: "2026-05-31" }, "to"],
    ["not a date", { from: "last tuesday", to: "2026-05-31" }, "from"],
    ["a missing end", { from: "2026-05-01" }, "to"],
  ])("refuses %s with a 400 naming the field, on the report and its CSV", async (_, input, field) => {
    const owner = await h.caller("ownerA");
    const expected = { code: "VALIDATION_FAILED", status: 400, field };
    expect(await refusal(owner.usage.myReport(input as never))).toMatchObject(expected);
    expect(await refusal(owner.usage.myReportCsv(input as never))).toMatchObject(expected);
  });

  it("shows only the customer's own organisation, whatever id is sent", async () => {
    const owner = await h.caller("ownerB");
    const range = { from: "2026-05-28", to: "2026-06-01", organizationId: h.orgA.id } as never;
    const report = await owner.usage.myReport(range);
    expect(report.totals.API_CALLS).toBe(14 + 13 + 12 + 11 + 10);
    expect(report.totals.ACTIVE_USERS).toBe(5);
    const csv = await owner.usage.myReportCsv(range);
    expect(csv).toContain("\r\n2026-05-29,5,,13,\r\n");
    expect(csv).not.toContain("13000");
    expect(await refusal(owner.usage.report(range))).toMatchObject({ status: 403 });
  });
});

describe("the report as CSV", () => {
  it("has a header in words with units, one row per day, unformatted numbers, CRLF records", async () => {
    const owner = await h.caller("ownerA");
    const csv = await owner.usage.myReportCsv({ from: "2026-05-29", to: "2026-06-01" });
    expect(csv.split("\r\n")).toEqual([
      "Date (UTC),Active users,Courses,API calls,Storage (bytes)",
      "2026-05-29,5000,,13000,",
      "2026-05-30,,,12000,",
      "2026-05-31,5000,,11000,",
      "2026-06-01,5000,,10000,107374182400",
      "",
    ]);
  });

  it("is the same table in the console for staff", async () => {
    const staff = await h.caller("staffAdmin");
    const csv = await staff.usage.reportCsv({
      organizationId: h.orgB.id,
      from: "2026-06-01",
      to: "2026-06-01",
    });
    expect(csv).toBe(
      "Date (UTC),Active users,Courses,API calls,Storage (bytes)\r\n2026-06-01,5,,10,1073741824\r\n",
    );
  });
});

describe("the months a customer may pick", () => {
  it("runs from the first month with data or license to now, newest first", async () => {
    const owner = await h.caller("ownerB");
    const { months } = await owner.usage.myMonths();
    expect(months[0]).toBe("2026-06");
    expect(months).toContain("2026-05");
    expect([...months].sort().reverse()).toEqual(months);
  });
});
