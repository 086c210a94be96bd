import { sessions, users } from "@tessera/db/schema";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sha256 } from "../src/auth/tokens.ts";
import { addMember } from "../src/team/service.ts";
import { createTestHarness, errorCode, errorField, TEST_PASSWORD, type TestHarness } from "./harness.ts";

let h: TestHarness;
beforeAll(async () => {
  // No progressive wait here: these tests make attempts back to back (sign-in-throttling tests the wait).
  h = await createTestHarness({
    LOGIN_MAX_ATTEMPTS_PER_EMAIL_IP: "3",
    LOGIN_MAX_ATTEMPTS_PER_EMAIL: "6",
    LOGIN_MAX_ATTEMPTS_PER_IP: "20",
    LOGIN_BACKOFF_BASE_SECONDS: "0",
  });
});
afterAll(() => h.close());

const tokenFromCookie = (header: string | string[] | undefined): string => {
  const value = Array.isArray(header) ? header[0] : header;
  const match = value?.match(/tessera_session=([^;]*)/);
  if (!match?.[1]) throw new Error(`no session cookie in ${value}`);
  return match[1];
};

describe("happy", () => {
  it("signs in with any letter case of the email and sets an httpOnly SameSite cookie", async () => {
    const anonymous = await h.caller("anonymous");
    const result = await anonymous.auth.signIn({ email: "  Owner@A.test ", password: TEST_PASSWORD });
    expect(result.user).toMatchObject({ email: "owner@a.test", kind: "CUSTOMER", role: "OWNER" });
    const cookie = String(h.headers["set-cookie"]);
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Lax/);
    expect(cookie).toMatch(/Path=\//);
    expect(cookie).not.toMatch(/Secure/);

    const token = tokenFromCookie(h.headers["set-cookie"]);
    const me = await (await h.callerWithToken(token)).auth.me();
    expect(me).toMatchObject({ email: "owner@a.test", organizationId: h.orgA.id });
  });

  it("stores only the hash of the session token and of the password", async () => {
    await (await h.caller("anonymous")).auth.signIn({ email: "member@a.test", password: TEST_PASSWORD });
    const token = tokenFromCookie(h.headers["set-cookie"]);
    const rows = await h.db
      .select()
      .from(sessions)
      .where(eq(sessions.tokenHash, sha256(token)));
    expect(rows).toHaveLength(1);
    const all = await h.db.select({ tokenHash: sessions.tokenHash }).from(sessions);
    expect(all.some((row) => row.tokenHash === token)).toBe(false);
    const [user] = await h.db.select().from(users).where(eq(users.email, "member@a.test"));
    expect(user?.passwordHash).toMatch(/^scrypt\$/);
    expect(user?.passwordHash).not.toContain(TEST_PASSWORD);
  });

  it("signs out: the session no longer works", async () => {
    await (await h.caller("anonymous")).auth.signIn({ email: "admin@a.test", password: TEST_PASSWORD });
    const token = tokenFromCookie(h.headers["set-cookie"]);
    const signedIn = await h.callerWithToken(token);
    await signedIn.auth.signOut();
    expect(String(h.headers["set-cookie"])).toMatch(/Max-Age=0/);
    expect(await (await h.callerWithToken(token)).auth.me()).toBeNull();
  });

  it("expires sessions after their lifetime", async () => {
    const token = await h.sessionToken(h.userIds.staffViewer);
    expect(await (await h.callerWithToken(token)).auth.me()).not.toBeNull();
    h.clock.advance(h.config.SESSION_TTL_HOURS * 3600_000 + 1000);
    expect(await (await h.callerWithToken(token)).auth.me()).toBeNull();
  });
});

describe("error", () => {
  it("answers the same for a wrong password and an unknown email", async () => {
    const anonymous = await h.caller("anonymous");
    expect(
      await errorCode(anonymous.auth.signIn({ email: "owner@b.test", password: "wrong-password" })),
    ).toBe("INVALID_CREDENTIALS");
    expect(
      await errorCode(anonymous.auth.signIn({ email: "nobody@b.test", password: "wrong-password" })),
    ).toBe("INVALID_CREDENTIALS");
  });

  it("names the field of malformed input", async () => {
    const anonymous = await h.caller("anonymous");
    expect(await errorField(anonymous.auth.signIn({ email: "not-an-email", password: "x" }))).toBe("email");
    expect(await errorField(anonymous.auth.signIn({ email: "a@b.test", password: "" }))).toBe("password");
  });

  it("refuses a disabled user with INVALID_CREDENTIALS whatever the password, and disabling ends their sessions", async () => {
    const owner = await h.caller("ownerA");
    await addMember(h.system, h.orgA.id, {
      name: "Soon Disabled",
      email: "disabled@a.test",
      password: TEST_PASSWORD,
      role: "MEMBER",
    });
    const added = (await owner.team.list({})).items.find((member) => member.email === "disabled@a.test");
    if (!added) throw new Error("the member was not made");
    const token = await h.sessionToken(added.id);
    await owner.team.setDisabled({ userId: added.id, disabled: true });
    expect(await (await h.callerWithToken(token)).auth.me()).toBeNull();
    const anonymous = await h.caller("anonymous");
    // The right password must not be told apart from a wrong one: that would confirm a guess.
    expect(
      await errorCode(anonymous.auth.signIn({ email: "disabled@a.test", password: TEST_PASSWORD })),
    ).toBe("INVALID_CREDENTIALS");
    expect(
      await errorCode(anonymous.auth.signIn({ email: "disabled@a.test", password: "wrong-password" })),
    ).toBe("INVALID_CREDENTIALS");
  });
});

describe("security", () => {
  it("rate-limits failed sign-ins per (email, address), with a retry time, even for the right password", async () => {
    const stranger = await h.callerWithToken(null, "198.51.100.66");
    for (let attempt = 0; attempt < 3; attempt++) {
      expect(
        await errorCode(stranger.auth.signIn({ email: "viewer@staff.test", password: "nope-nope" })),
      ).toBe("INVALID_CREDENTIALS");
    }
    expect(
      await errorCode(stranger.auth.signIn({ email: "viewer@staff.test", password: TEST_PASSWORD })),
    ).toBe("RATE_LIMITED");
    expect(Number(h.headers["retry-after"])).toBeGreaterThan(0);
  });

  it("a stranger's failures do not lock the real user out from their own address", async () => {
    const stranger = await h.callerWithToken(null, "198.51.100.67");
    for (let attempt = 0; attempt < 4; attempt++) {
      await errorCode(stranger.auth.signIn({ email: "admin@staff.test", password: "nope-nope" }));
    }
    expect(
      await errorCode(stranger.auth.signIn({ email: "admin@staff.test", password: TEST_PASSWORD })),
    ).toBe("RATE_LIMITED");
    const realUser = await h.callerWithToken(null, "203.0.113.70");
    expect(
      await errorCode(realUser.auth.signIn({ email: "admin@staff.test", password: TEST_PASSWORD })),
    ).toBe("OK");
  });

  it("caps failures per email across addresses, against distributed guessing", async () => {
    for (let address = 0; address < 6; address++) {
      const guesser = await h.callerWithToken(null, `192.0.2.${address + 1}`);
      expect(
        await errorCode(guesser.auth.signIn({ email: "support@staff.test", password: "nope-nope" })),
      ).toBe("INVALID_CREDENTIALS");
    }
    const another = await h.callerWithToken(null, "192.0.2.99");
    expect(
      await errorCode(another.auth.signIn({ email: "support@staff.test", password: TEST_PASSWORD })),
    ).toBe("RATE_LIMITED");
  });

  it("rate-limits attempts per IP", async () => {
    const fromOneIp = await h.callerWithToken(null, "198.51.100.99");
    const codes: string[] = [];
    for (let attempt = 0; attempt < 21; attempt++) {
      codes.push(
        await errorCode(fromOneIp.auth.signIn({ email: `probe${attempt}@x.test`, password: "guess-guess" })),
      );
    }
    expect(codes.slice(0, 20).every((code) => code === "INVALID_CREDENTIALS")).toBe(true);
    expect(codes[20]).toBe("RATE_LIMITED");
  });

  it("ignores a forged or unknown session token", async () => {
    expect(await (await h.callerWithToken("forged-token")).auth.me()).toBeNull();
    expect(await errorCode((await h.callerWithToken("forged-token")).organizations.mine())).toBe(
      "UNAUTHENTICATED",
    );
  });

  it("audits sign-ins with the caller's IP", async () => {
    const events = await (await h.caller("staffAdmin")).audit.list({ action: "auth.signed_in" });
    expect(events.total).toBeGreaterThan(0);
    expect(events.items.map((event) => event.ip)).toEqual(
      expect.arrayContaining(["203.0.113.7", "203.0.113.70"]),
    );
  });
});
