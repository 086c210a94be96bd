import { mfaRecoveryCodes, users } from "@tessera/db/schema";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestHarness, errorCode, errorField, TEST_PASSWORD, type TestHarness } from "./harness.ts";
import { RACES_NEED_POSTGRES, raceIt } from "./races-need-postgres.ts";
import { totpCode } from "./support/account-fixtures.ts";

let h: TestHarness;
beforeAll(async () => {
  // No progressive wait: attempts follow each other at once; the cap is what the throttling test shows.
  h = await createTestHarness({ LOGIN_BACKOFF_BASE_SECONDS: "0", LOGIN_MAX_ATTEMPTS_PER_EMAIL_IP: "5" });
});
afterAll(() => h.close());

const tokenFromCookie = (): string => {
  const match = String(h.headers["set-cookie"]).match(/tessera_session=([^;]*)/);
  if (!match?.[1]) throw new Error("no session cookie");
  return match[1];
};

const passwordStep = async (email: string, ip = "203.0.113.20") => {
  delete h.headers["set-cookie"];
  const result = await (await h.callerWithToken(null, ip)).auth.signIn({ email, password: TEST_PASSWORD });
  return { result, cookie: h.headers["set-cookie"] };
};

const auditActions = async () =>
  (await (await h.caller("staffAdmin")).audit.list({ pageSize: 100 })).items.map((event) => event.action);

/** Enrol the persona through the procedures; answers the secret and the recovery codes. */
const enrol = async (persona: "adminA" | "ownerA" | "ownerB") => {
  const caller = await h.caller(persona);
  const { secret } = await caller.auth.mfa.beginEnrolment();
  const { recoveryCodes } = await caller.auth.mfa.confirmEnrolment({ code: totpCode(h, secret) });
  // The confirming code's step is used: move on to the next one.
  h.clock.advance(30_000);
  return { secret, recoveryCodes };
};

describe("enrolment and sign-in with a code", () => {
  let secret = "";
  let recoveryCodes: string[] = [];

  it("begins with a QR code and a secret, stored sealed and pending", async () => {
    const begun = await (await h.caller("adminA")).auth.mfa.beginEnrolment();
    secret = begun.secret;
    expect(begun.uri).toMatch(/^otpauth:\/\/totp\/Tessera:admin%40a\.test\?/);
    expect(begun.uri).toContain(`secret=${secret}`);
    expect(begun.qrCode).toMatch(/^data:image\/png;base64,/);
    const [row] = await h.db.select().from(users).where(eq(users.id, h.userIds.adminA));
    expect(row?.mfaPendingSecret).toMatch(/^v1\./);
    expect(row?.mfaPendingSecret).not.toContain(secret);
    expect(row?.mfaEnabledAt).toBeNull();
  });

  it("refuses a wrong code on the field and leaves MFA off", async () => {
    const caller = await h.caller("adminA");
    const wrong = totpCode(h, secret, 5);
    expect(await errorCode(caller.auth.mfa.confirmEnrolment({ code: wrong }))).toBe("MFA_CODE_INVALID");
    expect(await errorField(caller.auth.mfa.confirmEnrolment({ code: "12ab" }))).toBe("code");
    expect((await caller.auth.mfa.status()).enabled).toBe(false);
  });

  it("switches MFA on with a right code and answers ten recovery codes, storing only their hashes", async () => {
    const caller = await h.caller("adminA");
    ({ recoveryCodes } = await caller.auth.mfa.confirmEnrolment({ code: totpCode(h, secret) }));
    h.clock.advance(30_000);
    expect(new Set(recoveryCodes).size).toBe(10);
    const stored = await h.db
      .select()
      .from(mfaRecoveryCodes)
      .where(eq(mfaRecoveryCodes.userId, h.userIds.adminA));
    expect(stored).toHaveLength(10);
    expect(stored.some((row) => recoveryCodes.some((code) => row.codeHash.includes(code)))).toBe(false);
    expect(await caller.auth.mfa.status()).toMatchObject({ enabled: true, recoveryCodesLeft: 10 });
    expect(await auditActions()).toContain("auth.mfa_enabled");
  });

  it("asks for a code after the password: no session until then", async () => {
    const { result, cookie } = await passwordStep("admin@a.test");
    expect(result).toMatchObject({ mfaRequired: true, user: null });
    expect(result.challenge).toEqual(expect.any(String));
    expect(cookie).toBeUndefined();
  });

  it("refuses a wrong code, opens the session for the right one, and never takes that code twice", async () => {
    const { result } = await passwordStep("admin@a.test");
    const anonymous = await h.callerWithToken(null, "203.0.113.20");
    const challenge = result.challenge ?? "";
    const wrong = await errorField(anonymous.auth.verifyMfa({ challenge, code: totpCode(h, secret, 4) }));
    expect(wrong).toBe("code");
    const code = totpCode(h, secret);
    const opened = await anonymous.auth.verifyMfa({ challenge, code });
    expect(opened.user).toMatchObject({ email: "admin@a.test" });
    expect(await (await h.callerWithToken(tokenFromCookie())).auth.me()).toMatchObject({
      email: "admin@a.test",
      mfaEnrolmentRequired: false,
    });
    // The challenge is used up, and so is the code, even on a new challenge.
    expect(await errorField(anonymous.auth.verifyMfa({ challenge, code }))).toBe("challenge");
    const again = await passwordStep("admin@a.test");
    expect(await errorCode(anonymous.auth.verifyMfa({ challenge: again.result.challenge ?? "", code }))).toBe(
      "MFA_CODE_INVALID",
    );
  });

  it("accepts a recovery code once, and audits its use", async () => {
    const anonymous = await h.callerWithToken(null, "203.0.113.20");
    const code = recoveryCodes[0] ?? "";
    const first = await passwordStep("admin@a.test");
    // Typed in capitals without the dash: still the same code.
    const typed = code.replace("-", "").toUpperCase();
    expect(
      await anonymous.auth.verifyMfa({ challenge: first.result.challenge ?? "", code: typed }),
    ).toMatchObject({
      mfaRequired: false,
    });
    const second = await passwordStep("admin@a.test");
    expect(
      await errorCode(anonymous.auth.verifyMfa({ challenge: second.result.challenge ?? "", code })),
    ).toBe("MFA_CODE_INVALID");
    expect(await auditActions()).toContain("auth.recovery_code_used");
    expect((await (await h.caller("adminA")).auth.mfa.status()).recoveryCodesLeft).toBe(9);
  });

  it("refuses an expired or made-up challenge on the challenge field", async () => {
    const anonymous = await h.callerWithToken(null, "203.0.113.20");
    const { result } = await passwordStep("admin@a.test");
    h.clock.advance(5 * 60_000 + 1000);
    const late = anonymous.auth.verifyMfa({ challenge: result.challenge ?? "", code: totpCode(h, secret) });
    expect(await errorCode(late)).toBe("MFA_CHALLENGE_INVALID");
    expect(await errorField(anonymous.auth.verifyMfa({ challenge: "made-up", code: "123456" }))).toBe(
      "challenge",
    );
  });

  it("regenerates recovery codes for a current code (the old ones stop working), and turns off with the password", async () => {
    const caller = await h.caller("adminA");
    expect(await errorCode(caller.auth.mfa.regenerateRecoveryCodes({ code: totpCode(h, secret, 7) }))).toBe(
      "MFA_CODE_INVALID",
    );
    const { recoveryCodes: fresh } = await caller.auth.mfa.regenerateRecoveryCodes({
      code: totpCode(h, secret),
    });
    expect(fresh).toHaveLength(10);
    const { result } = await passwordStep("admin@a.test");
    const anonymous = await h.callerWithToken(null, "203.0.113.20");
    const old = anonymous.auth.verifyMfa({ challenge: result.challenge ?? "", code: recoveryCodes[1] ?? "" });
    expect(await errorCode(old)).toBe("MFA_CODE_INVALID");

    expect(await errorField(caller.auth.mfa.disable({ password: "not-my-password" }))).toBe("password");
    expect(await caller.auth.mfa.disable({ password: TEST_PASSWORD })).toEqual({ enabled: false });
    expect((await passwordStep("admin@a.test")).result.mfaRequired).toBe(false);
    expect(await auditActions()).toEqual(expect.arrayContaining(["auth.mfa_disabled"]));
  });
});

describe("an organisation that requires MFA", () => {
  it("is set by its owners and admins only, each for themselves first, and audited", async () => {
    const member = await h.caller("memberA");
    expect(await errorCode(member.auth.mfa.setOrganizationRequirement({ required: true }))).toBe("FORBIDDEN");
    const owner = await h.caller("ownerA");
    // Without MFA of their own, the owner may not require it of others.
    expect(await errorField(owner.auth.mfa.setOrganizationRequirement({ required: true }))).toBe("required");
    await enrol("ownerA");
    expect(await owner.auth.mfa.setOrganizationRequirement({ required: true })).toEqual({ required: true });
    expect(await member.auth.mfa.organizationRequirement()).toEqual({ required: true });
    const events = await (await h.caller("staffAdmin")).audit.list({ action: "auth.mfa_required_changed" });
    expect(events.items[0]).toMatchObject({ organizationId: h.orgA.id });
    // Organisation B is untouched.
    expect(await (await h.caller("ownerB")).auth.mfa.organizationRequirement()).toEqual({ required: false });
  });

  it("limits a member without MFA to enrolling, from the password on and on sessions they already had", async () => {
    const existing = await h.caller("memberA");
    expect(await errorCode(existing.usage.myCurrent())).toBe("MFA_ENROLMENT_REQUIRED");

    const { result } = await passwordStep("member@a.test");
    expect(result).toMatchObject({ mfaRequired: false, mfaEnrolmentRequired: true });
    const token = tokenFromCookie();
    const limited = await h.callerWithToken(token);
    expect(await limited.auth.me()).toMatchObject({ email: "member@a.test", mfaEnrolmentRequired: true });
    expect(await errorCode(limited.usage.myCurrent())).toBe("MFA_ENROLMENT_REQUIRED");
    expect(await errorCode(limited.auth.sessions.list())).toBe("MFA_ENROLMENT_REQUIRED");
    expect(await errorCode(limited.organizations.mine())).toBe("MFA_ENROLMENT_REQUIRED");

    const { secret } = await limited.auth.mfa.beginEnrolment();
    await limited.auth.mfa.confirmEnrolment({ code: totpCode(h, secret) });
    // The same session, on its next request: no longer limited.
    const enrolled = await h.callerWithToken(token);
    expect(await errorCode(enrolled.usage.myCurrent())).toBe("OK");
    expect((await enrolled.auth.me())?.mfaEnrolmentRequired).toBe(false);
    // Required of them: they may not turn it off again.
    expect(await errorCode(enrolled.auth.mfa.disable({ password: TEST_PASSWORD }))).toBe("FORBIDDEN");
  });
});

describe("staff, with REQUIRE_STAFF_MFA", () => {
  let strict: TestHarness;
  beforeAll(async () => {
    strict = await createTestHarness({ REQUIRE_STAFF_MFA: "true", LOGIN_BACKOFF_BASE_SECONDS: "0" });
  });
  afterAll(() => strict.close());

  it("limits staff without MFA to enrolling, and leaves customers alone", async () => {
    const staff = await strict.caller("staffSupport");
    expect(await staff.auth.me()).toMatchObject({ mfaEnrolmentRequired: true });
    expect(await errorCode(staff.audit.list({}))).toBe("MFA_ENROLMENT_REQUIRED");
    // staffOrService procedures follow the same rule.
    expect(await errorCode(staff.licenses.get({ licenseId: strict.licenseA.id }))).toBe(
      "MFA_ENROLMENT_REQUIRED",
    );
    expect(await errorCode((await strict.caller("memberA")).usage.myCurrent())).toBe("OK");
    const { secret } = await staff.auth.mfa.beginEnrolment();
    await staff.auth.mfa.confirmEnrolment({ code: totpCode(strict, secret) });
    const enrolled = await strict.caller("staffSupport");
    expect(await errorCode(enrolled.licenses.get({ licenseId: strict.licenseA.id }))).toBe("OK");
  });
});

describe("security", () => {
  it("throttles code attempts like passwords, on the user's email", async () => {
    const { secret } = await enrol("ownerB");
    const { result } = await passwordStep("owner@b.test", "198.51.100.30");
    const guesser = await h.callerWithToken(null, "198.51.100.30");
    const challenge = result.challenge ?? "";
    const codes: string[] = [];
    for (let attempt = 0; attempt < 5; attempt++) {
      codes.push(await errorCode(guesser.auth.verifyMfa({ challenge, code: String(100000 + attempt) })));
    }
    expect(codes).toEqual(Array(5).fill("MFA_CODE_INVALID"));
    // Even the right code waits now.
    expect(await errorCode(guesser.auth.verifyMfa({ challenge, code: totpCode(h, secret) }))).toBe(
      "RATE_LIMITED",
    );
    expect(Number(h.headers["retry-after"])).toBeGreaterThan(0);
  });

  raceIt(`a code sent twice at once opens one session ${RACES_NEED_POSTGRES}`, async () => {
    const { secret } = await enrol("adminA");
    const challenges = [
      (await passwordStep("admin@a.test", "198.51.100.31")).result.challenge ?? "",
      (await passwordStep("admin@a.test", "198.51.100.32")).result.challenge ?? "",
    ];
    const code = totpCode(h, secret);
    const outcomes = await Promise.all(
      challenges.map(async (challenge, index) =>
        errorCode(
          (await h.callerWithToken(null, `198.51.100.3${index + 1}`)).auth.verifyMfa({ challenge, code }),
        ),
      ),
    );
    expect(outcomes.sort()).toEqual(["MFA_CODE_INVALID", "OK"]);
  });
});
