import { sessions, ssoDomains } from "@tessera/db/schema";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sha256 } from "../src/auth/tokens.ts";
import { createTestHarness, errorCode, errorField, TEST_PASSWORD, type TestHarness } from "./harness.ts";
import { newSession } from "./support/account-fixtures.ts";
import { passSsoTest } from "./support/sso-test-pass.ts";

let h: TestHarness;
beforeAll(async () => {
  h = await createTestHarness({ LOGIN_BACKOFF_BASE_SECONDS: "0", LOGIN_MAX_ATTEMPTS_PER_EMAIL_IP: "3" });
});
afterAll(() => h.close());

const NEW_PASSWORD = "lantern orchard velvet quarry";
const works = async (token: string) => (await (await h.callerWithToken(token)).auth.me()) !== null;
const signInCode = async (email: string, password: string) =>
  errorCode((await h.callerWithToken(null, "203.0.113.50")).auth.signIn({ email, password }));

describe("changing your password", () => {
  it("refuses a wrong current password on currentPassword", async () => {
    const caller = await h.caller("memberA");
    const call = caller.auth.changePassword({
      currentPassword: "not-my-password",
      newPassword: NEW_PASSWORD,
    });
    expect(await errorCode(call)).toBe("INVALID_CREDENTIALS");
    expect(
      await errorField(
        caller.auth.changePassword({ currentPassword: "wrong-again!", newPassword: NEW_PASSWORD }),
      ),
    ).toBe("currentPassword");
    expect(await signInCode("member@a.test", TEST_PASSWORD)).toBe("OK");
  });

  it("names newPassword for a weak or short new password, and changes nothing", async () => {
    const caller = await h.caller("memberA");
    const weak = caller.auth.changePassword({ currentPassword: TEST_PASSWORD, newPassword: "password1234" });
    expect(await errorCode(weak)).toBe("WEAK_PASSWORD");
    expect(
      await errorField(
        caller.auth.changePassword({ currentPassword: TEST_PASSWORD, newPassword: "aaaaaaaaaaaa" }),
      ),
    ).toBe("newPassword");
    expect(
      await errorField(caller.auth.changePassword({ currentPassword: TEST_PASSWORD, newPassword: "short" })),
    ).toBe("newPassword");
    expect(await signInCode("member@a.test", TEST_PASSWORD)).toBe("OK");
  });

  it("changes it: other sessions end, this one stays, the old password stops working; audited", async () => {
    const current = await newSession(h, h.userIds.adminA);
    const other = await newSession(h, h.userIds.adminA);
    const result = await (await h.callerWithToken(current.token)).auth.changePassword({
      currentPassword: TEST_PASSWORD,
      newPassword: NEW_PASSWORD,
    });
    expect(result.otherSessionsEnded).toBeGreaterThanOrEqual(1);
    expect(await works(other.token)).toBe(false);
    expect(await works(current.token)).toBe(true);
    expect(await signInCode("admin@a.test", TEST_PASSWORD)).toBe("INVALID_CREDENTIALS");
    expect(await signInCode("admin@a.test", NEW_PASSWORD)).toBe("OK");
    const events = await (await h.caller("staffAdmin")).audit.list({ action: "auth.password_changed" });
    expect(events.items[0]).toMatchObject({ targetId: h.userIds.adminA });
    expect(JSON.stringify(events.items[0])).not.toContain(NEW_PASSWORD);
  });

  it("throttles wrong current passwords like sign-in", async () => {
    const caller = await h.caller("staffViewer");
    const codes: string[] = [];
    for (let attempt = 0; attempt < 4; attempt++) {
      codes.push(
        await errorCode(
          caller.auth.changePassword({ currentPassword: `guess-${attempt}`, newPassword: NEW_PASSWORD }),
        ),
      );
    }
    expect(codes).toEqual([
      "INVALID_CREDENTIALS",
      "INVALID_CREDENTIALS",
      "INVALID_CREDENTIALS",
      "RATE_LIMITED",
    ]);
  });

  it("sends people of an SSO-enforced organisation signed in by SSO to their identity provider", async () => {
    const settings = {
      protocol: "OIDC" as const,
      issuer: "https://id.a.example",
      clientId: "tessera",
      allowedDomains: ["a.test"],
    };
    const owner = await h.caller("ownerA");
    await owner.whiteLabel.enableSSO({ ...settings, clientSecret: "s3cret-s3cret", enforced: false });
    await passSsoTest(h.db, h.orgA.id);
    await owner.whiteLabel.enableSSO({ ...settings, enforced: true });
    await h.db
      .update(ssoDomains)
      .set({ status: "VERIFIED" })
      .where(and(eq(ssoDomains.organizationId, h.orgA.id), eq(ssoDomains.domain, "a.test")));
    const { token } = await newSession(h, h.userIds.memberA);
    await h.db
      .update(sessions)
      .set({ method: "sso" })
      .where(eq(sessions.tokenHash, sha256(token)));
    const call = (await h.callerWithToken(token)).auth.changePassword({
      currentPassword: TEST_PASSWORD,
      newPassword: NEW_PASSWORD,
    });
    expect(await errorCode(call)).toBe("SSO_REQUIRED");
  });
});
