import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestHarness, errorCode, errorField, TEST_PASSWORD, type TestHarness } from "./harness.ts";
import { newSession, setUserAgent, spareUser } from "./support/account-fixtures.ts";

let h: TestHarness;
beforeAll(async () => {
  h = await createTestHarness({ LOGIN_BACKOFF_BASE_SECONDS: "0" });
});
afterAll(() => h.close());

const CHROME_LINUX =
  "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36";

/** A password sign-in from a browser: the session's cookie token. */
const signIn = async (email: string, ip = "203.0.113.40") => {
  const anonymous = await h.callerWithToken(null, ip);
  await anonymous.auth.signIn({ email, password: TEST_PASSWORD });
  const match = String(h.headers["set-cookie"]).match(/tessera_session=([^;]*)/);
  if (!match?.[1]) throw new Error("no session cookie");
  return match[1];
};

const works = async (token: string) => (await (await h.callerWithToken(token)).auth.me()) !== null;

describe("your own sessions", () => {
  it("lists them with the current one marked, a readable device and never a token", async () => {
    const first = await signIn("member@a.test");
    await signIn("member@a.test", "198.51.100.41");
    const sessions = await (await h.callerWithToken(first)).auth.sessions.list();
    expect(sessions).toHaveLength(2);
    expect(sessions.filter((session) => session.current)).toHaveLength(1);
    expect(sessions.map((session) => session.ip).sort()).toEqual(["198.51.100.41", "203.0.113.40"]);
    expect(sessions[0]).toMatchObject({ method: "password", device: "Unknown device" });
    expect(Object.keys(sessions[0] ?? {}).sort()).toEqual(
      ["createdAt", "current", "device", "id", "ip", "lastSeenAt", "method"].sort(),
    );
    expect(JSON.stringify(sessions)).not.toContain(first);
  });

  it("names the browser and system from the user agent", async () => {
    const user = await spareUser(h, h.orgA.id);
    const { token } = await newSession(h, user.id);
    await setUserAgent(h, token, CHROME_LINUX);
    const [session] = await (await h.callerWithToken(token)).auth.sessions.list();
    expect(session?.device).toBe("Chrome on Linux");
  });

  it("revokes one of your own: its cookie stops working, yours keeps working", async () => {
    const mine = await signIn("admin@a.test");
    const other = await signIn("admin@a.test", "198.51.100.42");
    const caller = await h.callerWithToken(mine);
    const target = (await caller.auth.sessions.list()).find((session) => !session.current);
    expect(await caller.auth.sessions.revoke({ sessionId: target?.id ?? "" })).toEqual({ revoked: 1 });
    expect(await works(other)).toBe(false);
    expect(await works(mine)).toBe(true);
  });

  it("answers NOT_FOUND for another user's session, and leaves it working", async () => {
    const victim = await newSession(h, h.userIds.ownerB);
    const call = (await h.caller("memberA")).auth.sessions.revoke({ sessionId: victim.id });
    expect(await errorCode(call)).toBe("NOT_FOUND");
    expect(await errorField((await h.caller("memberA")).auth.sessions.revoke({ sessionId: victim.id }))).toBe(
      "sessionId",
    );
    expect(await works(victim.token)).toBe(true);
  });

  it("signs out every other session, keeping this one", async () => {
    const keep = await newSession(h, h.userIds.staffViewer);
    const others = [await newSession(h, h.userIds.staffViewer), await newSession(h, h.userIds.staffViewer)];
    const result = await (await h.callerWithToken(keep.token)).auth.sessions.revokeOthers();
    expect(result.revoked).toBeGreaterThanOrEqual(2);
    for (const other of others) expect(await works(other.token)).toBe(false);
    expect(await works(keep.token)).toBe(true);
  });
});

describe("admins signing a user out everywhere", () => {
  it("lets a customer admin sign out a person of their organisation, audited", async () => {
    const person = await spareUser(h, h.orgA.id);
    const sessions = [await newSession(h, person.id), await newSession(h, person.id)];
    const result = await (await h.caller("adminA")).auth.sessions.revokeAllForUser({ userId: person.id });
    expect(result).toEqual({ revoked: 2 });
    for (const session of sessions) expect(await works(session.token)).toBe(false);
    const events = await (await h.caller("ownerA")).audit.listOwn({ action: "auth.sessions_revoked" });
    expect(events.items.some((event) => event.targetId === person.id)).toBe(true);
  });

  it("answers NOT_FOUND for another organisation's person, and signs nobody out", async () => {
    const person = await spareUser(h, h.orgA.id);
    const session = await newSession(h, person.id);
    const call = (await h.caller("ownerB")).auth.sessions.revokeAllForUser({ userId: person.id });
    expect(await errorCode(call)).toBe("NOT_FOUND");
    const staff = await newSession(h, h.userIds.staffSupport);
    const onStaff = (await h.caller("ownerA")).auth.sessions.revokeAllForUser({
      userId: h.userIds.staffSupport,
    });
    expect(await errorCode(onStaff)).toBe("NOT_FOUND");
    expect(await works(session.token)).toBe(true);
    expect(await works(staff.token)).toBe(true);
  });

  it("lets staff admins sign out anyone, and no other role", async () => {
    const person = await spareUser(h, h.orgB.id);
    const session = await newSession(h, person.id);
    expect(
      await errorCode((await h.caller("staffSupport")).auth.sessions.revokeAllForUser({ userId: person.id })),
    ).toBe("FORBIDDEN");
    expect(
      await errorCode((await h.caller("memberA")).auth.sessions.revokeAllForUser({ userId: person.id })),
    ).toBe("FORBIDDEN");
    expect(await works(session.token)).toBe(true);
    await (await h.caller("staffAdmin")).auth.sessions.revokeAllForUser({ userId: person.id });
    expect(await works(session.token)).toBe(false);
  });
});
