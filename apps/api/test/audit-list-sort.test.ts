import { auditEvents } from "@tessera/db/schema";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestHarness, type TestHarness } from "./harness.ts";

/**
 * The audit log sorts on the server, across pages, and a customer's log stays their own
 * whatever they ask for. Each event's action names the day it happened, so the two orders differ.
 */
let h: TestHarness;
const DAY = 86_400_000;

beforeAll(async () => {
  h = await createTestHarness();
  const at = (days: number) => new Date(Date.UTC(2026, 0, 10) + days * DAY);
  const entry = (organizationId: string, action: string, days: number) => ({
    actorLabel: "system:test",
    organizationId,
    action,
    targetType: "organization",
    targetId: organizationId,
    createdAt: at(days),
  });
  await h.db
    .insert(auditEvents)
    .values([
      entry(h.orgA.id, "sortcase.c_first", 0),
      entry(h.orgA.id, "sortcase.a_second", 1),
      entry(h.orgA.id, "sortcase.b_third", 2),
      entry(h.orgB.id, "sortcase.z_other_tenant", 3),
    ]);
});
afterAll(() => h.close());

type Sort = { sort?: "createdAt" | "action"; direction?: "asc" | "desc" };

/** Organisation A's sortcase events, a page of one at a time, joined: what paging shows. */
const actions = async (order: Sort) => {
  const staff = await h.caller("staffAdmin");
  const seen: string[] = [];
  for (let page = 1; page <= 3; page++) {
    const result = await staff.audit.list({
      organizationId: h.orgA.id,
      action: "sortcase.",
      pageSize: 1,
      page,
      ...order,
    });
    seen.push(...result.items.map((item) => item.action.replace("sortcase.", "")));
  }
  return seen;
};

describe("audit log order", () => {
  it("is newest first by default, and oldest first when asked", async () => {
    expect(await actions({})).toEqual(["b_third", "a_second", "c_first"]);
    expect(await actions({ sort: "createdAt", direction: "asc" })).toEqual([
      "c_first",
      "a_second",
      "b_third",
    ]);
  });

  it("sorts by action either way", async () => {
    expect(await actions({ sort: "action", direction: "asc" })).toEqual(["a_second", "b_third", "c_first"]);
    expect(await actions({ sort: "action", direction: "desc" })).toEqual(["c_first", "b_third", "a_second"]);
  });

  it("refuses a sort it does not know", async () => {
    const staff = await h.caller("staffAdmin");
    await expect(staff.audit.list({ sort: "ip" as "action" })).rejects.toThrow();
  });
});

describe("a customer's audit log, sorted", () => {
  it("holds only their own organisation's events, whichever organisation and order they ask for", async () => {
    const owner = await h.caller("ownerA");
    for (const direction of ["asc", "desc"] as const) {
      const { items } = await owner.audit.listOwn({
        organizationId: h.orgB.id,
        action: "sortcase.",
        sort: "action",
        direction,
        pageSize: 100,
      });
      expect(items.map((item) => item.organizationId)).toEqual([h.orgA.id, h.orgA.id, h.orgA.id]);
    }
  });

  it("is refused to a member", async () => {
    const member = await h.caller("memberA");
    await expect(member.audit.listOwn({ sort: "createdAt" })).rejects.toThrow();
  });
});
