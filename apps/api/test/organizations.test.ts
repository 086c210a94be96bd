import { auditEvents, invitations, mailOutbox, organizations, users } from "@tessera/db/schema";
import { count, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestHarness, errorCode, errorField, TEST_PASSWORD, type TestHarness } from "./harness.ts";

let h: TestHarness;
beforeAll(async () => {
  h = await createTestHarness();
});
afterAll(() => h.close());

const rowCounts = async () => {
  const [orgs] = await h.db.select({ n: count() }).from(organizations);
  const [people] = await h.db.select({ n: count() }).from(users);
  const [audits] = await h.db.select({ n: count() }).from(auditEvents);
  return { organizations: orgs?.n, users: people?.n, audits: audits?.n };
};

const newOrganization = (slug: string) => ({
  name: `Acme ${slug}`,
  slug,
  contactName: "Ann Acme",
  contactEmail: `ann@${slug}.test`,
  contactPhone: "+1 415 555 0100",
  billingAddress: { line1: "1 Main St", city: "Springfield", country: "US" },
  metadata: { crmId: slug, tags: ["pilot"], nested: { seats: 12 } },
});

describe("happy", () => {
  it("staff create an organisation and invite its owner in one transaction, audited; accepting makes the owner its admin", async () => {
    const admin = await h.caller("staffAdmin");
    const created = await admin.organizations.create({
      ...newOrganization("acme"),
      accountManagerId: h.userIds.staffSupport,
      owner: { name: "Olly Owner", email: "Olly@Acme.test" },
    });
    expect(created.slug).toBe("acme");
    expect(created.adminUserId).toBeNull();
    const detail = await admin.organizations.get({ organizationId: created.id });
    expect(detail.accountManager?.email).toBe("support@staff.test");
    expect((await admin.organizations.users({ organizationId: created.id })).items).toEqual([]);
    const [invitation] = await h.db
      .select()
      .from(invitations)
      .where(eq(invitations.organizationId, created.id));
    expect(invitation).toMatchObject({ email: "olly@acme.test", role: "OWNER", kind: "CUSTOMER" });
    const [mail] = await h.db.select().from(mailOutbox).where(eq(mailOutbox.toAddress, "olly@acme.test"));
    expect(mail).toMatchObject({ template: "invitation", category: "TEAM", organizationId: created.id });
    const token = String(mail?.data.token);
    const accepted = await (await h.caller("anonymous")).auth.acceptInvitation({
      token,
      name: "Olly Owner",
      password: TEST_PASSWORD,
    });
    expect(accepted.user).toMatchObject({
      email: "olly@acme.test",
      role: "OWNER",
      organizationId: created.id,
    });
    expect((await admin.organizations.get({ organizationId: created.id })).adminUserId).toBe(
      accepted.user.userId,
    );
    const team = await admin.organizations.users({ organizationId: created.id });
    expect(team.items).toEqual([expect.objectContaining({ email: "olly@acme.test", role: "OWNER" })]);
    expect(team.items[0]).not.toHaveProperty("passwordHash");
    const audit = await admin.audit.list({ organizationId: created.id, actorId: h.userIds.staffAdmin });
    expect(audit.items.map((event) => event.action).sort()).toEqual([
      "invitation.created",
      "organization.created",
    ]);
    expect(audit.items.every((event) => event.actorLabel === "user:admin@staff.test")).toBe(true);
    expect(JSON.stringify(audit.items)).not.toContain("scrypt$");
    expect(audit.items.every((event) => event.organizationName === created.name)).toBe(true);
    const byPrefix = await admin.audit.list({ organizationId: created.id, action: "organization." });
    expect(byPrefix.items.map((event) => event.action)).toEqual(["organization.created"]);
  });

  it("lists with server-side paging and search by name, slug or contact", async () => {
    const admin = await h.caller("staffAdmin");
    for (const slug of ["page-1", "page-2", "page-3"])
      await admin.organizations.create(newOrganization(slug));
    const first = await admin.organizations.list({ search: "page-", pageSize: 2, page: 1 });
    expect(first.total).toBe(3);
    expect(first.pageCount).toBe(2);
    expect(first.items).toHaveLength(2);
    const second = await admin.organizations.list({ search: "page-", pageSize: 2, page: 2 });
    expect(second.items).toHaveLength(1);
    expect((await admin.organizations.list({ search: "ann@page-2" })).items.map((o) => o.slug)).toEqual([
      "page-2",
    ]);
    // LIKE wildcards are searched for literally
    expect((await admin.organizations.list({ search: "%" })).total).toBe(0);
  });

  it("updates and audits only what changed", async () => {
    const admin = await h.caller("staffAdmin");
    const updated = await admin.organizations.update({
      organizationId: h.orgB.id,
      name: "Org B Renamed",
      metadata: { tier: "gold" },
    });
    expect(updated.name).toBe("Org B Renamed");
    const [event] = (await admin.audit.list({ organizationId: h.orgB.id, action: "organization.updated" }))
      .items;
    expect(event?.before).toEqual({ name: "Org org-b", metadata: {} });
    expect(event?.after).toEqual({ name: "Org B Renamed", metadata: { tier: "gold" } });
  });

  it("a customer admin sees and updates only its own organisation's contact details", async () => {
    const ownerB = await h.caller("ownerB");
    expect((await ownerB.organizations.mine()).id).toBe(h.orgB.id);
    const updated = await ownerB.organizations.updateMine({ contactName: "New Contact" });
    expect(updated.id).toBe(h.orgB.id);
    const [a] = await h.db.select().from(organizations).where(eq(organizations.id, h.orgA.id));
    expect(a?.contactName).toBe("Contact Person");
    const ownAudit = await ownerB.audit.listOwn({ organizationId: h.orgA.id });
    expect(ownAudit.items.length).toBeGreaterThan(0);
    expect(ownAudit.items.every((event) => event.organizationId === h.orgB.id)).toBe(true);
  });
});

describe("error", () => {
  it("refuses a taken slug naming the field, writing nothing", async () => {
    const admin = await h.caller("staffAdmin");
    const before = await rowCounts();
    const call = admin.organizations.create({ ...newOrganization("org-a"), owner: undefined });
    expect(await errorCode(call)).toBe("SLUG_TAKEN");
    expect(await errorField(admin.organizations.create(newOrganization("org-a")))).toBe("slug");
    expect(await rowCounts()).toEqual(before);
  });

  it("a malformed owner email rolls the whole organisation back, naming the field", async () => {
    const admin = await h.caller("staffAdmin");
    const before = await rowCounts();
    const call = admin.organizations.create({
      ...newOrganization("bad-owner"),
      owner: { name: "Dupe", email: "not-an-email" },
    });
    expect(await errorField(call)).toBe("owner.email");
    expect(await rowCounts()).toEqual(before);
  });

  it.each([
    [{ slug: "Bad Slug" }, "slug"],
    [{ slug: "-x-" }, "slug"],
    [{ contactEmail: "nope" }, "contactEmail"],
    [{ contactPhone: "call me" }, "contactPhone"],
    [{ billingAddress: { line1: "x", city: "y", country: "usa" } }, "billingAddress.country"],
    [{ metadata: JSON.parse('{"__proto__": {"admin": true}}') }, "metadata"],
    [{ metadata: { big: "x".repeat(17_000) } }, "metadata"],
    [{ name: "" }, "name"],
    [{ accountManagerId: "not-a-uuid" }, "accountManagerId"],
  ])("refuses %j naming %s", async (patch, field) => {
    const admin = await h.caller("staffAdmin");
    const before = await rowCounts();
    expect(await errorField(admin.organizations.create({ ...newOrganization("bad-input"), ...patch }))).toBe(
      field,
    );
    expect(await rowCounts()).toEqual(before);
  });

  it("refuses an account manager who is not staff", async () => {
    const admin = await h.caller("staffAdmin");
    const call = admin.organizations.create({
      ...newOrganization("bad-am"),
      accountManagerId: h.userIds.ownerA,
    });
    expect(await errorField(call)).toBe("accountManagerId");
  });

  it("answers NOT_FOUND for an unknown organisation", async () => {
    const admin = await h.caller("staffAdmin");
    const unknown = "00000000-0000-4000-8000-000000000000";
    expect(await errorCode(admin.organizations.get({ organizationId: unknown }))).toBe("NOT_FOUND");
    expect(await errorCode(admin.organizations.update({ organizationId: unknown, name: "x" }))).toBe(
      "NOT_FOUND",
    );
    expect(await errorCode(admin.organizations.users({ organizationId: unknown }))).toBe("NOT_FOUND");
  });
});
