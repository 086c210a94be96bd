import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestHarness, errorCode, errorField, type TestHarness } from "./harness.ts";

/** The portal's ticket list sorts on the server, and only ever within the caller's organisation. */
let h: TestHarness;

beforeAll(async () => {
  h = await createTestHarness();
  const owner = await h.caller("ownerA");
  // Opened an hour apart, in an order that is neither priority nor status order.
  for (const priority of ["NORMAL", "CRITICAL", "LOW"] as const) {
    const { id } = await owner.support.create({ subject: `Sort ${priority}`, description: "x", priority });
    if (priority === "NORMAL") await h.moveTicket(id, ["RESOLVED"]);
    h.clock.advance(3_600_000);
  }
  // Another organisation's ticket, more urgent and newer than all of them: never in A's list.
  await (await h.caller("ownerB")).support.create({ subject: "B's", description: "x", priority: "CRITICAL" });
});
afterAll(() => h.close());

type Sort = "createdAt" | "priority" | "status";

const mine = async (sort: Sort, direction?: "asc" | "desc") => {
  const owner = await h.caller("ownerA");
  const page = await owner.support.mine({ sort, ...(direction ? { direction } : {}) });
  expect(page.items.every((ticket) => ticket.organizationId === h.orgA.id)).toBe(true);
  return page.items.map((ticket) => ticket.subject);
};

describe("the portal's ticket list sort", () => {
  it("opened: newest first, oldest first when turned round", async () => {
    expect(await mine("createdAt")).toEqual(["Sort LOW", "Sort CRITICAL", "Sort NORMAL"]);
    expect(await mine("createdAt", "asc")).toEqual(["Sort NORMAL", "Sort CRITICAL", "Sort LOW"]);
  });

  it("priority: most urgent first, least urgent first when turned round", async () => {
    expect(await mine("priority")).toEqual(["Sort CRITICAL", "Sort NORMAL", "Sort LOW"]);
    expect(await mine("priority", "desc")).toEqual(["Sort LOW", "Sort NORMAL", "Sort CRITICAL"]);
  });

  it("status: open before resolved (newest first within a status), and turned round", async () => {
    expect(await mine("status")).toEqual(["Sort LOW", "Sort CRITICAL", "Sort NORMAL"]);
    expect((await mine("status", "desc"))[0]).toBe("Sort NORMAL");
  });

  it("stays inside the caller's organisation whatever the sort", async () => {
    const owner = await h.caller("ownerB");
    const page = await owner.support.mine({ sort: "priority" });
    expect(page.items.map((ticket) => ticket.subject)).toEqual(["B's"]);
    // An organisation is never an input: a customer cannot name another one.
    const other = await owner.support.mine({ organizationId: h.orgA.id } as never);
    expect(other.items.map((ticket) => ticket.subject)).toEqual(["B's"]);
  });

  it("refuses a sort it does not know, naming the field", async () => {
    const owner = await h.caller("ownerA");
    const call = () => owner.support.mine({ sort: "dueAt" as Sort });
    expect(await errorCode(call())).toBe("VALIDATION_FAILED");
    expect(await errorField(call())).toBe("sort");
  });
});
