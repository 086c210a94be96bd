import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestHarness, errorCode, errorField, type TestHarness } from "./harness.ts";

/** The console queue's sort headers ask for a direction; each sort keeps its own order without one. */
let h: TestHarness;
const opened: string[] = [];

beforeAll(async () => {
  h = await createTestHarness();
  const owner = await h.caller("ownerA");
  // Opened an hour apart, in an order that is neither due nor priority order.
  for (const priority of ["NORMAL", "CRITICAL", "LOW"] as const) {
    opened.push((await owner.support.create({ subject: `Sort ${priority}`, description: "x", priority })).id);
    h.clock.advance(3_600_000);
  }
});
afterAll(() => h.close());

const queue = async (sort: "dueAt" | "priority" | "createdAt", direction?: "asc" | "desc") => {
  const staff = await h.caller("staffAdmin");
  const page = await staff.support.queue({
    organizationId: h.orgA.id,
    sort,
    ...(direction ? { direction } : {}),
  });
  return page.items.map((ticket) => ticket.priority);
};

describe("queue sort direction", () => {
  it("priority: most urgent first, or least urgent first when turned round", async () => {
    expect(await queue("priority")).toEqual(["CRITICAL", "NORMAL", "LOW"]);
    expect(await queue("priority", "asc")).toEqual(["CRITICAL", "NORMAL", "LOW"]);
    expect(await queue("priority", "desc")).toEqual(["LOW", "NORMAL", "CRITICAL"]);
  });

  it("created: newest first unless asked for oldest first", async () => {
    expect(await queue("createdAt")).toEqual(["LOW", "CRITICAL", "NORMAL"]);
    expect(await queue("createdAt", "asc")).toEqual(["NORMAL", "CRITICAL", "LOW"]);
  });

  it("due: soonest first, latest first when turned round", async () => {
    const soonest = await queue("dueAt");
    expect(soonest[0]).toBe("CRITICAL");
    expect(await queue("dueAt", "desc")).toEqual([...soonest].reverse());
  });

  it("refuses a direction it does not know, naming the field", async () => {
    const staff = await h.caller("staffAdmin");
    const call = () => staff.support.queue({ direction: "sideways" as "asc" });
    expect(await errorCode(call())).toBe("VALIDATION_FAILED");
    expect(await errorField(call())).toBe("direction");
  });
});
