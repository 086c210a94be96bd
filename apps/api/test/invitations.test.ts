import { invitations, mailOutbox, users } from "@tessera/db/schema";
import { count, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { runMailDelivery } from "../src/mail/delivery.ts";
import { createTestHarness, errorCode, errorField, TEST_PASSWORD, type TestHarness } from "./harness.ts";
import { RACES_NEED_POSTGRES, raceIt } from "./races-need-postgres.ts";
import { type SmtpSink, startSmtpSink } from "./support/smtp-sink.ts";

let h: TestHarness;
let sink: SmtpSink;
beforeAll(async () => {
  sink = await startSmtpSink();
  h = await createTestHarness({ SMTP_URL: sink.url, PUBLIC_URL: "https://tessera.example" });
});
afterAll(async () => {
  await h.close();
  await sink.close();
});
beforeEach(() => {
  sink.mails.length = 0;
});

const DAY = 24 * 3600_000;

/** Send what the outbox holds and return the token of the link in the mail to `email`. */
const tokenMailedTo = async (email: string) => {
  await runMailDelivery(h.deps, h.clock.now());
  const mail = await sink.waitFor((received) => received.to.includes(email));
  const link = mail.links.find((href) => href.startsWith("https://tessera.example/accept-invitation?token="));
  if (!link) throw new Error(`no invitation link in the mail to ${email}`);
  return { token: new URL(link).searchParams.get("token") ?? "", mail };
};

const usersWithEmail = (email: string) =>
  h.db
    .select()
    .from(users)
    .where(eq(sql`lower(${users.email})`, email));
const invitationRows = async () => (await h.db.select({ n: count() }).from(invitations))[0]?.n;
const anonymous = () => h.caller("anonymous");

describe("happy", () => {
  it("invite → mail → describe → weak password refused → accept signs in as a member of the right organisation", async () => {
    const owner = await h.caller("ownerA");
    const invited = await owner.team.invite({ email: "Nia@Newcomer.test", name: "Nia", role: "ADMIN" });
    expect(invited).toMatchObject({ email: "nia@newcomer.test", role: "ADMIN", organizationId: h.orgA.id });
    expect(invited).not.toHaveProperty("tokenHash");
    expect((await owner.team.invitations()).map((pending) => pending.email)).toContain("nia@newcomer.test");

    const { token, mail } = await tokenMailedTo("nia@newcomer.test");
    expect(mail.subject).toBe("Owner org-a invited you to Org org-a");
    // Once sent, the outbox keeps no usable token.
    const [sent] = await h.db.select().from(mailOutbox).where(eq(mailOutbox.toAddress, "nia@newcomer.test"));
    expect(JSON.stringify(sent)).not.toContain(token);

    expect(await (await anonymous()).auth.invitation({ token })).toMatchObject({
      email: "nia@newcomer.test",
      role: "ADMIN",
      organizationName: "Org org-a",
      invitedBy: "Owner org-a",
    });
    const weak = (await anonymous()).auth.acceptInvitation({ token, name: "Nia", password: "password123" });
    expect(await errorCode(weak)).toBe("WEAK_PASSWORD");
    expect(
      await errorField(
        (await anonymous()).auth.acceptInvitation({ token, name: "Nia", password: "password123" }),
      ),
    ).toBe("password");
    expect(await usersWithEmail("nia@newcomer.test")).toEqual([]);

    const accepted = await (await anonymous()).auth.acceptInvitation({
      token,
      name: "Nia N",
      password: TEST_PASSWORD,
    });
    expect(accepted.user).toMatchObject({
      email: "nia@newcomer.test",
      name: "Nia N",
      kind: "CUSTOMER",
      role: "ADMIN",
      organizationId: h.orgA.id,
    });
    const cookie = String(h.headers["set-cookie"]);
    expect(cookie).toMatch(/^tessera_session=[^;]+;.*HttpOnly/);
    const session = cookie.slice("tessera_session=".length, cookie.indexOf(";"));
    expect(await (await h.callerWithToken(session)).auth.me()).toMatchObject({ email: "nia@newcomer.test" });
    expect(
      await errorCode(
        (await anonymous()).auth.signIn({ email: "nia@newcomer.test", password: TEST_PASSWORD }),
      ),
    ).toBe("OK");
    expect((await owner.team.invitations()).map((pending) => pending.email)).not.toContain(
      "nia@newcomer.test",
    );

    const again = (await anonymous()).auth.acceptInvitation({ token, name: "Nia", password: TEST_PASSWORD });
    expect(await errorCode(again)).toBe("LINK_INVALID");
    expect(await usersWithEmail("nia@newcomer.test")).toHaveLength(1);
  });

  it("a staff admin invites a colleague, who joins the staff with the role given", async () => {
    const admin = await h.caller("staffAdmin");
    await admin.staffTeam.invite({ email: "sam@staff.test", role: "SUPPORT" });
    expect((await admin.staffTeam.invitations()).map((pending) => pending.email)).toEqual(["sam@staff.test"]);
    const { token, mail } = await tokenMailedTo("sam@staff.test");
    expect(mail.subject).toBe("Staff ADMIN invited you to the Tessera team");
    const accepted = await (await anonymous()).auth.acceptInvitation({
      token,
      name: "Sam",
      password: TEST_PASSWORD,
    });
    expect(accepted.user).toMatchObject({ kind: "STAFF", role: "SUPPORT", organizationId: null });
    expect((await admin.staffTeam.list()).map((user) => user.email)).toContain("sam@staff.test");
    expect(await errorCode(admin.staffTeam.invite({ email: "SAM@staff.test", role: "VIEWER" }))).toBe(
      "CONFLICT",
    );
  });
});

describe("one-time links", () => {
  it("an expired link is refused with a clear message and changes nothing", async () => {
    const owner = await h.caller("ownerA");
    await owner.team.invite({ email: "late@newcomer.test" });
    const { token } = await tokenMailedTo("late@newcomer.test");
    h.clock.advance(7 * DAY + 1000);
    try {
      await expect((await anonymous()).auth.invitation({ token })).rejects.toThrow(
        "This link has expired — ask for a new one",
      );
      const accept = (await anonymous()).auth.acceptInvitation({
        token,
        name: "Late",
        password: TEST_PASSWORD,
      });
      expect(await errorCode(accept)).toBe("LINK_INVALID");
      expect(await usersWithEmail("late@newcomer.test")).toEqual([]);
      expect(
        (await owner.team.invitations()).find((pending) => pending.email === "late@newcomer.test"),
      ).toMatchObject({
        expired: true,
      });
    } finally {
      h.clock.advance(-(7 * DAY + 1000));
    }
  });

  it("a tampered token is refused and changes nothing", async () => {
    await (await h.caller("ownerA")).team.invite({ email: "tamper@newcomer.test" });
    const { token } = await tokenMailedTo("tamper@newcomer.test");
    const tampered = `${token.slice(0, -1)}${token.endsWith("A") ? "B" : "A"}`;
    const before = await h.db.select().from(invitations);
    const accept = (await anonymous()).auth.acceptInvitation({
      token: tampered,
      name: "T",
      password: TEST_PASSWORD,
    });
    expect(await errorCode(accept)).toBe("LINK_INVALID");
    expect(await errorField((await anonymous()).auth.invitation({ token: tampered }))).toBe("token");
    expect(await h.db.select().from(invitations)).toEqual(before);
    expect(await usersWithEmail("tamper@newcomer.test")).toEqual([]);
  });

  it("resending mails a fresh link and the old one stops working", async () => {
    const owner = await h.caller("ownerA");
    const invited = await owner.team.invite({ email: "resend@newcomer.test" });
    const { token: first } = await tokenMailedTo("resend@newcomer.test");
    sink.mails.length = 0;
    await owner.team.resendInvitation({ invitationId: invited.id });
    const { token: second } = await tokenMailedTo("resend@newcomer.test");
    expect(second).not.toBe(first);
    expect(await errorCode((await anonymous()).auth.invitation({ token: first }))).toBe("LINK_INVALID");
    expect(await errorCode((await anonymous()).auth.invitation({ token: second }))).toBe("OK");
  });

  it("revoking withdraws the link; a revoked invitation cannot be revoked or resent again", async () => {
    const owner = await h.caller("ownerA");
    const invited = await owner.team.invite({ email: "revoked@newcomer.test" });
    const { token } = await tokenMailedTo("revoked@newcomer.test");
    await owner.team.revokeInvitation({ invitationId: invited.id });
    await expect((await anonymous()).auth.invitation({ token })).rejects.toThrow("withdrawn");
    expect(await errorCode(owner.team.revokeInvitation({ invitationId: invited.id }))).toBe("NOT_FOUND");
    expect(await errorCode(owner.team.resendInvitation({ invitationId: invited.id }))).toBe("NOT_FOUND");
    expect((await owner.team.invitations()).map((pending) => pending.email)).not.toContain(
      "revoked@newcomer.test",
    );
  });
});

describe("security", () => {
  it("inviting an address with an account elsewhere answers like a new address; accepting says sign in instead", async () => {
    const owner = await h.caller("ownerA");
    const [other] = await usersWithEmail("owner@b.test");
    const mask = (answer: Record<string, unknown>) => ({ ...answer, id: "<id>", email: "<email>" });
    const elsewhere = await owner.team.invite({ email: "owner@b.test" });
    const fresh = await owner.team.invite({ email: "fresh@newcomer.test" });
    expect(mask(elsewhere)).toEqual(mask(fresh));

    const { token } = await tokenMailedTo("owner@b.test");
    const accept = (await anonymous()).auth.acceptInvitation({
      token,
      name: "Thief",
      password: TEST_PASSWORD,
    });
    await expect(accept).rejects.toThrow("This invitation can no longer be used — sign in instead");
    expect(await usersWithEmail("owner@b.test")).toEqual([other]);
  });

  it("an address already in the organisation answers 409 CONFLICT on email, and no invitation is made", async () => {
    const owner = await h.caller("ownerA");
    const before = await invitationRows();
    expect(await errorCode(owner.team.invite({ email: "MEMBER@a.test" }))).toBe("CONFLICT");
    expect(await errorField(owner.team.invite({ email: "member@a.test" }))).toBe("email");
    expect(await invitationRows()).toBe(before);
  });

  it("customer admins invite only into their own organisation, never staff; an admin never invites an owner", async () => {
    const ownerB = await h.caller("ownerB");
    const invited = await ownerB.team.invite({ email: "b-only@newcomer.test" });
    expect(invited.organizationId).toBe(h.orgB.id);
    // An organisation id in the input is stripped by the schema: the session's organisation wins.
    const sneaky = await ownerB.team.invite({
      email: "sneaky@newcomer.test",
      organizationId: h.orgA.id,
    } as never);
    expect(sneaky.organizationId).toBe(h.orgB.id);
    const aInvitation = await (await h.caller("ownerA")).team.invite({ email: "a-only@newcomer.test" });
    expect(await errorCode(ownerB.team.revokeInvitation({ invitationId: aInvitation.id }))).toBe("NOT_FOUND");
    expect(await errorCode(ownerB.team.resendInvitation({ invitationId: aInvitation.id }))).toBe("NOT_FOUND");
    expect((await ownerB.team.invitations()).every((pending) => pending.organizationId === h.orgB.id)).toBe(
      true,
    );
    expect(await errorCode(ownerB.staffTeam.invite({ email: "x@staff.test", role: "ADMIN" }))).toBe(
      "FORBIDDEN",
    );
    const admin = await h.caller("adminA");
    expect(await errorField(admin.team.invite({ email: "boss@newcomer.test", role: "OWNER" }))).toBe("role");
  });
});

describe("concurrency", () => {
  raceIt(`two concurrent accepts of one invitation make one user ${RACES_NEED_POSTGRES}`, async () => {
    await (await h.caller("ownerA")).team.invite({ email: "twice@newcomer.test" });
    const { token } = await tokenMailedTo("twice@newcomer.test");
    const second = await h.secondInstance();
    const results = await Promise.all([
      errorCode((await anonymous()).auth.acceptInvitation({ token, name: "One", password: TEST_PASSWORD })),
      errorCode(
        (await second.caller()).auth.acceptInvitation({ token, name: "Two", password: TEST_PASSWORD }),
      ),
      errorCode((await anonymous()).auth.acceptInvitation({ token, name: "Three", password: TEST_PASSWORD })),
    ]);
    await second.close();
    expect(results.sort()).toEqual(["LINK_INVALID", "LINK_INVALID", "OK"]);
    expect(await usersWithEmail("twice@newcomer.test")).toHaveLength(1);
  });
});
