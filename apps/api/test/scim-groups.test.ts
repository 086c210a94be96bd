import { users } from "@tessera/db/schema";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createScimToken } from "../src/scim/token-service.ts";
import { oktaUser, patchOp, startScimServer } from "./support/scim-client.ts";
import { fingerprintOf } from "./support/tenant-data.ts";

/** Role groups: membership of Owners, Admins or Members is the user's role. */
let world: Awaited<ReturnType<typeof startScimServer>>;
let token = "";
beforeAll(async () => {
  world = await startScimServer();
  token = (await createScimToken(world.h.system, world.h.orgA.id, { name: "Entra" })).token;
});
afterAll(() => world.close());

const scim = (method: string, path: string, body?: unknown) => world.scim(token, method, path, body);
const roleOf = async (userId: string) =>
  (await world.h.db.select({ role: users.role }).from(users).where(eq(users.id, userId)))[0]?.role;
const memberIds = (group: { members?: { value: string }[] }) =>
  (group.members ?? []).map((member) => member.value);

describe("groups", () => {
  it("lists the three role groups with their members, and finds one by displayName", async () => {
    const list = await scim("GET", "/Groups");
    expect(list.status).toBe(200);
    expect(list.body.totalResults).toBe(3);
    const byName = Object.fromEntries(
      list.body.Resources.map((group: { displayName: string }) => [group.displayName, group]),
    );
    expect(memberIds(byName.Owners)).toEqual([world.h.userIds.ownerA]);
    expect(memberIds(byName.Admins)).toEqual([world.h.userIds.adminA]);
    expect(byName.Members.meta).toMatchObject({
      resourceType: "Group",
      location: expect.stringContaining("/Groups/members"),
    });
    const filtered = await scim(
      "GET",
      `/Groups?filter=${encodeURIComponent('displayName eq "Admins"')}&excludedAttributes=members`,
    );
    expect(filtered.body.totalResults).toBe(1);
    expect(filtered.body.Resources[0]).not.toHaveProperty("members");
    expect((await scim("GET", "/Groups/nope")).status).toBe(404);
  });

  it("adding to Admins makes an ADMIN, removing makes a MEMBER again; users' groups follow", async () => {
    const created = await scim("POST", "/Users", oktaUser("grace@a.test", "entra-grace"));
    const id = created.body.id;
    const added = await scim(
      "PATCH",
      "/Groups/admins",
      patchOp({ op: "Add", path: "members", value: [{ value: id }] }),
    );
    expect(added.status).toBe(200);
    expect(memberIds(added.body)).toContain(id);
    expect(await roleOf(id)).toBe("ADMIN");
    expect((await scim("GET", `/Users/${id}`)).body.groups).toEqual([
      expect.objectContaining({ value: "admins" }),
    ]);
    const removed = await scim(
      "PATCH",
      "/Groups/admins",
      patchOp({ op: "Remove", path: `members[value eq "${id}"]` }),
    );
    expect(memberIds(removed.body)).not.toContain(id);
    expect(await roleOf(id)).toBe("MEMBER");
  });

  it("never leaves the organisation without an active owner, and writes nothing when it refuses", async () => {
    const before = await fingerprintOf(world.h, world.h.orgA.id);
    const refused = await scim(
      "PATCH",
      "/Groups/owners",
      patchOp({ op: "remove", path: `members[value eq "${world.h.userIds.ownerA}"]` }),
    );
    expect(refused.status).toBe(409);
    expect(refused.body.detail).toMatch(/owner/);
    const deactivate = await scim(
      "PATCH",
      `/Users/${world.h.userIds.ownerA}`,
      patchOp({ op: "replace", value: { active: false } }),
    );
    expect(deactivate.status).toBe(409);
    expect((await scim("DELETE", `/Users/${world.h.userIds.ownerA}`)).status).toBe(409);
    expect(await fingerprintOf(world.h, world.h.orgA.id)).toEqual(before);
    expect(await roleOf(world.h.userIds.ownerA)).toBe("OWNER");
  });

  it("an owner may leave Owners when another joins in the same PATCH", async () => {
    const { adminA, ownerA } = world.h.userIds;
    const swapped = await scim(
      "PATCH",
      "/Groups/owners",
      patchOp(
        { op: "add", path: "members", value: [{ value: adminA }] },
        { op: "remove", path: `members[value eq "${ownerA}"]` },
      ),
    );
    expect(swapped.status).toBe(200);
    expect([await roleOf(adminA), await roleOf(ownerA)]).toEqual(["OWNER", "MEMBER"]);
  });

  it("refuses unknown members with 400 invalidValue and a read-only displayName with 400 mutability", async () => {
    const unknown = await scim(
      "PATCH",
      "/Groups/admins",
      patchOp({ op: "add", path: "members", value: [{ value: world.h.userIds.ownerB }] }),
    );
    expect(unknown.status).toBe(400);
    expect(unknown.body.scimType).toBe("invalidValue");
    expect(await roleOf(world.h.userIds.ownerB)).toBe("OWNER");
    const rename = await scim(
      "PATCH",
      "/Groups/admins",
      patchOp({ op: "replace", path: "displayName", value: "Bosses" }),
    );
    expect(rename.body).toMatchObject({ status: "400", scimType: "mutability" });
  });
});
