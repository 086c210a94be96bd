import { invitations, users } from "@tessera/db/schema";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { randomToken, sha256 } from "../src/auth/tokens.ts";
import { addMember } from "../src/team/service.ts";
import { createTestHarness, errorCode, errorField, TEST_PASSWORD, type TestHarness } from "./harness.ts";

let h: TestHarness;
beforeAll(async () => {
  h = await createTestHarness();
});
afterAll(() => h.close());

/** The user of organisation A with the email, as its team list shows it. */
const memberOfA = async (email: string) => {
  const found = (await (await h.caller("ownerA")).team.list({ pageSize: 100 })).items.find(
    (member) => member.email === email,
  );
  if (!found) throw new Error(`${email} is not in A's team`);
  return found;
};

/** The invitee follows the link of the invitation mailed to them, with a fresh token. */
const joinByInvitation = async (email: string) => {
  const [invitation] = await h.db.select().from(invitations).where(eq(invitations.email, email));
  if (!invitation) throw new Error(`no invitation for ${email}`);
  const token = randomToken();
  await h.db
    .update(invitations)
    .set({ tokenHash: sha256(token) })
    .where(eq(invitations.id, invitation.id));
  const anonymous = await h.caller("anonymous");
  await anonymous.auth.acceptInvitation({ token, name: invitation.name ?? email, password: TEST_PASSWORD });
};

describe("happy", () => {
  it("an owner invites, the member joins; the owner promotes and disables them; each change is audited", async () => {
    const owner = await h.caller("ownerA");
    expect(await owner.team.invite({ name: "Tia Team", email: "tia@a.test" })).toMatchObject({
      email: "tia@a.test",
      role: "MEMBER",
    });
    await joinByInvitation("tia@a.test");
    const added = await memberOfA("tia@a.test");
    expect(added.role).toBe("MEMBER");
    expect((await owner.team.changeRole({ userId: added.id, role: "ADMIN" })).role).toBe("ADMIN");
    expect((await owner.team.setDisabled({ userId: added.id, disabled: true })).disabledAt).not.toBeNull();
    expect((await owner.team.setDisabled({ userId: added.id, disabled: false })).disabledAt).toBeNull();
    const actions = (await owner.audit.listOwn({ actorId: h.userIds.ownerA })).items.map(
      (event) => event.action,
    );
    expect(actions).toEqual(["user.enabled", "user.disabled", "user.role_changed", "invitation.created"]);
  });

  it("a member can list the team but not change it", async () => {
    const member = await h.caller("memberA");
    expect((await member.team.list({})).items.length).toBeGreaterThanOrEqual(3);
    expect(await errorCode(member.team.invite({ name: "x", email: "x@a.test" }))).toBe("FORBIDDEN");
  });
});

describe("error", () => {
  it("never leaves an organisation without an active owner", async () => {
    const owner = await h.caller("ownerA");
    expect(await errorCode(owner.team.changeRole({ userId: h.userIds.ownerA, role: "ADMIN" }))).toBe(
      "LAST_OWNER",
    );
    const staff = await h.caller("staffAdmin");
    expect(
      await errorCode(staff.organizations.updateUser({ userId: h.userIds.ownerB, disabled: true })),
    ).toBe("LAST_OWNER");
  });

  it("an ADMIN may not create or change owners; nobody disables themselves", async () => {
    const admin = await h.caller("adminA");
    expect(await errorField(admin.team.invite({ name: "x", email: "x2@a.test", role: "OWNER" }))).toBe(
      "role",
    );
    expect(await errorCode(admin.team.changeRole({ userId: h.userIds.ownerA, role: "MEMBER" }))).toBe(
      "FORBIDDEN",
    );
    expect(await errorCode(admin.team.setDisabled({ userId: h.userIds.adminA, disabled: true }))).toBe(
      "FORBIDDEN",
    );
  });

  it("refuses inviting a member (any case) and a malformed email, naming the field", async () => {
    const owner = await h.caller("ownerA");
    expect(await errorField(owner.team.invite({ name: "x", email: "MEMBER@a.test" }))).toBe("email");
    expect(await errorCode(owner.team.invite({ name: "x", email: "MEMBER@a.test" }))).toBe("CONFLICT");
    expect(await errorField(owner.team.invite({ email: "not-an-email" }))).toBe("email");
  });

  it("answers NOT_FOUND for a user of another organisation", async () => {
    const ownerB = await h.caller("ownerB");
    expect(await errorCode(ownerB.team.changeRole({ userId: h.userIds.memberA, role: "ADMIN" }))).toBe(
      "NOT_FOUND",
    );
    const [member] = await h.db.select().from(users).where(eq(users.id, h.userIds.memberA));
    expect(member?.role).toBe("MEMBER");
  });
});

describe("concurrency", () => {
  it("two owners demoting each other at once leave exactly one owner", async () => {
    const owner = await h.caller("ownerA");
    await owner.team.invite({ name: "Second Owner", email: "second-owner@a.test", role: "OWNER" });
    await joinByInvitation("second-owner@a.test");
    const second = await memberOfA("second-owner@a.test");
    const secondCaller = await h.callerWithToken(await h.sessionToken(second.id));
    const results = await Promise.allSettled([
      owner.team.changeRole({ userId: second.id, role: "MEMBER" }),
      secondCaller.team.changeRole({ userId: h.userIds.ownerA, role: "MEMBER" }),
    ]);
    expect(results.filter((result) => result.status === "fulfilled")).toHaveLength(1);
    const owners = (await h.db.select().from(users).where(eq(users.organizationId, h.orgA.id))).filter(
      (user) => user.role === "OWNER" && !user.disabledAt,
    );
    expect(owners).toHaveLength(1);
  });

  it("the same email added twice at once makes one user", async () => {
    // The service every account is made through (accepted invitations, the seed), called directly.
    const codes = await Promise.all(
      [1, 2, 3].map(() =>
        addMember(h.system, h.orgA.id, {
          name: "Racer",
          email: "racer@a.test",
          password: TEST_PASSWORD,
          role: "MEMBER",
        }).then(
          () => "OK",
          (error: { code?: string }) => error.code ?? "UNKNOWN",
        ),
      ),
    );
    expect(codes.sort()).toEqual(["EMAIL_TAKEN", "EMAIL_TAKEN", "OK"]);
    expect(await h.db.select().from(users).where(eq(users.email, "racer@a.test"))).toHaveLength(1);
  });
});
