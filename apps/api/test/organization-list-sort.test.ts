import { licenses, organizations } from "@tessera/db/schema";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestHarness, errorCode, errorField, type TestHarness } from "./harness.ts";

/**
 * The console's organisation list sorts on the server, across pages: four organisations
 * named so that name order differs from every other order.
 */
let h: TestHarness;
const ids: Record<"alpha" | "bravo" | "charlie" | "delta", string> = {
  alpha: "",
  bravo: "",
  charlie: "",
  delta: "",
};

beforeAll(async () => {
  h = await createTestHarness();
  const admin = await h.caller("staffAdmin");
  const named = async (id: string, name: string, accountManagerId: string | null) => {
    await h.db.update(organizations).set({ name, accountManagerId }).where(eq(organizations.id, id));
    return id;
  };
  // Alpha: STARTER, suspended (no license in force: grade D); managed by Staff SUPPORT.
  const alpha = await h.newLicensedOrganization("STARTER", "SUSPENDED");
  ids.alpha = await named(alpha.organization.id, "Sortcase Alpha", h.userIds.staffSupport);
  // Bravo: no license at all, no manager.
  const bravo = await admin.organizations.create({
    name: "Sortcase Bravo",
    slug: "sortcase-bravo",
    contactName: "Bea Bravo",
    contactEmail: "bea@bravo.test",
  });
  ids.bravo = bravo.id;
  // Charlie: PROFESSIONAL, ACTIVE but past its term (reads EXPIRED); managed by Staff ADMIN.
  const charlie = await h.newLicensedOrganization("PROFESSIONAL", "ACTIVE");
  ids.charlie = await named(charlie.organization.id, "Sortcase Charlie", h.userIds.staffAdmin);
  await h.db
    .update(licenses)
    .set({ expiresAt: new Date(h.clock.now().getTime() - 30 * 86_400_000) })
    .where(eq(licenses.id, charlie.license.id));
  // Delta: ENTERPRISE, ACTIVE, in force; managed by Staff SUPPORT.
  const delta = await h.newLicensedOrganization("ENTERPRISE", "ACTIVE");
  ids.delta = await named(delta.organization.id, "Sortcase Delta", h.userIds.staffSupport);
});
afterAll(() => h.close());

const names = (items: { name: string }[]) => items.map((item) => item.name.replace("Sortcase ", ""));

/** Every page of the list, one organisation a page, joined: what paging through shows. */
const allPages = async (sort: string, direction: "asc" | "desc") => {
  const admin = await h.caller("staffAdmin");
  const seen = [];
  for (let page = 1; page <= 4; page++) {
    const result = await admin.organizations.list({
      search: "Sortcase",
      pageSize: 1,
      page,
      sort: sort as "name",
      direction,
    });
    expect(result.total).toBe(4);
    seen.push(...result.items);
  }
  return seen;
};

describe("organisation list sorting", () => {
  it("sorts by name both ways", async () => {
    expect(names(await allPages("name", "asc"))).toEqual(["Alpha", "Bravo", "Charlie", "Delta"]);
    expect(names(await allPages("name", "desc"))).toEqual(["Delta", "Charlie", "Bravo", "Alpha"]);
  });

  it("sorts by the current license's tier in tier order, organisations without a license last", async () => {
    const ascending = await allPages("tier", "asc");
    expect(names(ascending)).toEqual(["Alpha", "Charlie", "Delta", "Bravo"]);
    expect(ascending.map((row) => row.tier)).toEqual(["STARTER", "PROFESSIONAL", "ENTERPRISE", null]);
    expect(names(await allPages("tier", "desc"))).toEqual(["Delta", "Charlie", "Alpha", "Bravo"]);
  });

  it("sorts by effective license status: an ACTIVE license past its term is EXPIRED", async () => {
    const ascending = await allPages("licenseStatus", "asc");
    expect(ascending.map((row) => [row.name, row.licenseStatus])).toEqual([
      ["Sortcase Delta", "ACTIVE"],
      ["Sortcase Alpha", "SUSPENDED"],
      ["Sortcase Charlie", "EXPIRED"],
      ["Sortcase Bravo", null],
    ]);
    expect(names(await allPages("licenseStatus", "desc"))).toEqual(["Charlie", "Alpha", "Delta", "Bravo"]);
  });

  it("sorts by account manager's name, unmanaged organisations last", async () => {
    const ascending = await allPages("accountManager", "asc");
    expect(ascending.map((row) => row.accountManagerName)).toEqual([
      "Staff ADMIN",
      "Staff SUPPORT",
      "Staff SUPPORT",
      null,
    ]);
    expect(names(ascending)).toEqual(["Charlie", "Alpha", "Delta", "Bravo"]);
    expect(names(await allPages("accountManager", "desc"))).toEqual(["Alpha", "Delta", "Charlie", "Bravo"]);
  });

  it("sorts by creation time", async () => {
    await h.db
      .update(organizations)
      .set({ createdAt: new Date(h.clock.now().getTime() - 86_400_000) })
      .where(eq(organizations.id, ids.delta));
    expect(names(await allPages("createdAt", "asc"))[0]).toBe("Delta");
    expect(names(await allPages("createdAt", "desc"))[3]).toBe("Delta");
  });

  it("sorts by health grade across pages, each row graded as the health page grades it", async () => {
    const admin = await h.caller("staffAdmin");
    const best = await allPages("grade", "asc");
    for (const row of best) {
      const health = await admin.organizations.health({ organizationId: row.id });
      expect(row.health).toEqual({ grade: health.grade, score: health.score });
    }
    const scores = best.map((row) => row.health.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    // Delta alone has a license in force, so it is the best; the rest are D.
    expect(names(best)[0]).toBe("Delta");
    expect(best[0]?.health.score).toBeGreaterThan(best[1]?.health.score ?? 100);
    const worst = await allPages("grade", "desc");
    expect(names(worst)[3]).toBe("Delta");
  });

  it("refuses a sort key it does not know, naming the field", async () => {
    const admin = await h.caller("staffAdmin");
    const call = () => admin.organizations.list({ sort: "slug" as "name" });
    expect(await errorCode(call())).toBe("VALIDATION_FAILED");
    expect(await errorField(call())).toBe("sort");
    expect(await errorField(admin.organizations.list({ direction: "up" as "asc" }))).toBe("direction");
  });
});
