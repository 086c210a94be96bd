import { sessions, ssoDomains } from "@tessera/db/schema";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sha256 } from "../src/auth/tokens.ts";
import { createTestHarness, errorCode, TEST_PASSWORD, type TestHarness } from "./harness.ts";
import { passSsoTest } from "./support/sso-test-pass.ts";

/** Refusals that must not confirm a guessed password, and SSO enforcement ending password sessions. */
let h: TestHarness;
beforeAll(async () => {
  h = await createTestHarness({ LOGIN_BACKOFF_BASE_SECONDS: "0" });
});
afterAll(() => h.close());

const OIDC_SETTINGS = {
  protocol: "OIDC" as const,
  issuer: "https://id.a.example",
  clientId: "tessera",
  allowedDomains: ["a.test"],
};

/**
 * Enforcement counts only for a proven email domain (the DNS proof is marked done directly)
 * and may be switched on only after an owner's passed connection test (recorded directly).
 */
const enforceSso = async (enforced: boolean) => {
  const owner = await h.caller("ownerA");
  if (enforced) {
    await owner.whiteLabel.enableSSO({ ...OIDC_SETTINGS, clientSecret: "s3cret-s3cret", enforced: false });
    await passSsoTest(h.db, h.orgA.id);
  }
  const saved = await owner.whiteLabel.enableSSO({
    ...OIDC_SETTINGS,
    ...(enforced ? {} : { clientSecret: "s3cret-s3cret" }),
    enforced,
  });
  await h.db
    .update(ssoDomains)
    .set({ status: "VERIFIED" })
    .where(and(eq(ssoDomains.organizationId, h.orgA.id), eq(ssoDomains.domain, "a.test")));
  return saved;
};

/** A session row opened by SSO (the harness's `sessionToken` opens password ones). */
const ssoSessionToken = async (userId: string) => {
  const token = await h.sessionToken(userId);
  await h.db
    .update(sessions)
    .set({ method: "sso" })
    .where(eq(sessions.tokenHash, sha256(token)));
  return token;
};

const signedIn = async (token: string) => (await (await h.callerWithToken(token)).auth.me()) !== null;

describe("security", () => {
  it("an SSO-enforced organisation's email is sent to SSO whatever the password, before it is checked", async () => {
    await enforceSso(true);
    try {
      const anonymous = await h.caller("anonymous");
      for (const password of [TEST_PASSWORD, "wrong-password", "another-wrong-one"]) {
        expect(await errorCode(anonymous.auth.signIn({ email: "member@a.test", password }))).toBe(
          "SSO_REQUIRED",
        );
      }
      // Other organisations and unknown emails are untouched.
      expect(await errorCode(anonymous.auth.signIn({ email: "owner@b.test", password: TEST_PASSWORD }))).toBe(
        "OK",
      );
      expect(
        await errorCode(anonymous.auth.signIn({ email: "nobody@a.test", password: "wrong-password" })),
      ).toBe("INVALID_CREDENTIALS");
    } finally {
      await enforceSso(false);
    }
  });

  it("owners keep password sign-in under enforcement (break-glass), audited; their admins do not", async () => {
    await enforceSso(true);
    try {
      const anonymous = await h.caller("anonymous");
      expect(await errorCode(anonymous.auth.signIn({ email: "admin@a.test", password: TEST_PASSWORD }))).toBe(
        "SSO_REQUIRED",
      );
      // a wrong password is still refused for an owner
      expect(
        await errorCode(anonymous.auth.signIn({ email: "owner@a.test", password: "wrong-password" })),
      ).toBe("INVALID_CREDENTIALS");
      expect(await errorCode(anonymous.auth.signIn({ email: "owner@a.test", password: TEST_PASSWORD }))).toBe(
        "OK",
      );
      const events = await (await h.caller("staffAdmin")).audit.list({ action: "auth.sso_break_glass" });
      expect(events.items[0]).toMatchObject({ organizationId: h.orgA.id, targetId: h.userIds.ownerA });
    } finally {
      await enforceSso(false);
    }
  });

  it("enforcement cannot be switched on before an owner passes a connection test of those very settings", async () => {
    const owner = await h.caller("ownerA");
    await owner.whiteLabel.enableSSO({ ...OIDC_SETTINGS, clientSecret: "s3cret-s3cret", enforced: false });
    expect(await errorCode(owner.whiteLabel.enableSSO({ ...OIDC_SETTINGS, enforced: true }))).toBe(
      "SSO_TEST_REQUIRED",
    );
    // an admin's passed test does not count, nor an owner's of other settings
    await passSsoTest(h.db, h.orgA.id, "ADMIN");
    expect(await errorCode(owner.whiteLabel.enableSSO({ ...OIDC_SETTINGS, enforced: true }))).toBe(
      "SSO_TEST_REQUIRED",
    );
    await passSsoTest(h.db, h.orgA.id);
    expect(
      await errorCode(owner.whiteLabel.enableSSO({ ...OIDC_SETTINGS, clientId: "changed", enforced: true })),
    ).toBe("SSO_TEST_REQUIRED");
    expect((await owner.whiteLabel.sso())?.enforced).toBe(false);
    expect(await errorCode(owner.whiteLabel.enableSSO({ ...OIDC_SETTINGS, enforced: true }))).toBe("OK");
    await owner.whiteLabel.enableSSO({ ...OIDC_SETTINGS, enforced: false });
  });

  it("switching enforcement on ends the organisation's password sessions, not its SSO ones nor the admin's own", async () => {
    const memberPassword = await h.sessionToken(h.userIds.memberA);
    const adminPassword = await h.sessionToken(h.userIds.adminA);
    const memberSso = await ssoSessionToken(h.userIds.memberA);
    const otherOrganization = await h.sessionToken(h.userIds.ownerB);
    const staff = await h.sessionToken(h.userIds.staffSupport);
    const acting = await h.caller("ownerA"); // the admin switching it on: their session stays

    await enforceSso(true);
    try {
      expect(await signedIn(memberPassword)).toBe(false);
      expect(await signedIn(adminPassword)).toBe(false);
      expect(await signedIn(memberSso)).toBe(true);
      expect(await signedIn(otherOrganization)).toBe(true);
      expect(await signedIn(staff)).toBe(true);
      expect(await errorCode(acting.auth.me())).toBe("OK");
      expect((await acting.auth.me())?.email).toBe("owner@a.test");
      const events = await (await h.caller("staffAdmin")).audit.list({
        action: "auth.password_sessions_ended",
      });
      expect(events.items[0]).toMatchObject({ organizationId: h.orgA.id });

      // Saving again while enforced ends nothing more: only the switch does.
      const later = await h.sessionToken(h.userIds.adminA);
      await acting.whiteLabel.enableSSO({ ...OIDC_SETTINGS, enforced: true });
      expect(await signedIn(later)).toBe(true);
    } finally {
      await enforceSso(false);
    }
  });

  it("a new sign-in records how the session was opened", async () => {
    const anonymous = await h.caller("anonymous");
    await anonymous.auth.signIn({ email: "owner@b.test", password: TEST_PASSWORD });
    const cookie = String(h.headers["set-cookie"]).match(/tessera_session=([^;]*)/)?.[1] ?? "";
    const [row] = await h.db
      .select()
      .from(sessions)
      .where(eq(sessions.tokenHash, sha256(cookie)));
    expect(row?.method).toBe("password");
  });
});
