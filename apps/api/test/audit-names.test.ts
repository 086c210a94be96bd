import { auditEvents } from "@tessera/db/schema";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestHarness, type TestHarness } from "./harness.ts";

let h: TestHarness;
beforeAll(async () => {
  h = await createTestHarness();
});
afterAll(() => h.close());

/** An entry in organisation A's log, by `actorUserId`, on one target. */
const entry = async (action: string, targetType: string, targetId: string, actorUserId: string) => {
  await h.db.insert(auditEvents).values({
    actorUserId,
    actorLabel: "user:someone@example.test",
    organizationId: h.orgA.id,
    action,
    targetType,
    targetId,
  });
};

const byAction = <Row extends { action: string }>(items: Row[], action: string) => {
  const found = items.find((item) => item.action === action);
  if (!found) throw new Error(`no ${action} entry`);
  return found;
};

describe("audit entries name what they point at", () => {
  it("staff read the actor's name, the action in words and each kind of target by its name", async () => {
    const ticketId = await h.newTicket(h.orgA.id);
    await entry("license.renewed", "license", h.licenseA.id, h.userIds.staffAdmin);
    await entry("user.role_changed", "user", h.userIds.memberA, h.userIds.adminA);
    await entry("ticket.assigned", "ticket", ticketId, h.userIds.staffSupport);
    await entry("organization.updated", "organization", h.orgA.id, h.userIds.staffAdmin);
    await entry("white_label.sso_domain_added", "sso_domain", "not-a-uuid", h.userIds.ownerA);
    const { items } = await (await h.caller("staffAdmin")).audit.list({
      organizationId: h.orgA.id,
      pageSize: 100,
    });

    expect(byAction(items, "license.renewed")).toMatchObject({
      actionLabel: "License renewed",
      actorName: "Staff ADMIN",
      organizationName: "Org org-a",
      targetLabel: "Org org-a Professional license",
      targetNamed: true,
    });
    expect(byAction(items, "user.role_changed")).toMatchObject({
      actionLabel: "Role changed",
      actorName: "ADMIN admin@a.test",
      targetLabel: "MEMBER member@a.test",
    });
    expect(byAction(items, "ticket.assigned").targetLabel).toMatch(/^SUP-\d{6} Fixture ticket$/);
    expect(byAction(items, "organization.updated").targetLabel).toBe("Org org-a");
    // A kind without a name of its own reads as its kind; an id that is no uuid is not cast.
    expect(byAction(items, "white_label.sso_domain_added")).toMatchObject({
      actionLabel: "Single sign-on domain added",
      targetLabel: "Single sign-on domain",
      targetNamed: false,
    });
  });

  it("never names another organisation's records or people in a customer's own log", async () => {
    // Organisation A's log pointing at organisation B's license, by B's owner.
    await entry("license.suspended", "license", h.licenseB.id, h.userIds.ownerB);
    await entry("user.disabled", "user", h.userIds.ownerB, h.userIds.ownerA);

    const own = (await (await h.caller("adminA")).audit.listOwn({ pageSize: 100 })).items;
    expect(byAction(own, "license.suspended")).toMatchObject({
      actorName: null,
      targetLabel: "License",
      targetNamed: false,
    });
    expect(byAction(own, "user.disabled")).toMatchObject({ actorName: "Owner org-a", targetLabel: "User" });
    expect(JSON.stringify(own)).not.toContain("org-b");

    // Staff see who acted, but a record is still named only in its own organisation's entries.
    const staff = (
      await (await h.caller("staffAdmin")).audit.list({ organizationId: h.orgA.id, pageSize: 100 })
    ).items;
    expect(byAction(staff, "license.suspended")).toMatchObject({
      actorName: "Owner org-b",
      targetNamed: false,
    });
  });
});
