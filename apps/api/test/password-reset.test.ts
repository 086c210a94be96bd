import { passwordResets, ssoDomains, users } from "@tessera/db/schema";
import { and, eq, getTableName, isNotNull, type Table } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { requestPasswordReset } from "../src/auth/password-reset.ts";
import { runMailDelivery } from "../src/mail/delivery.ts";
import { addMember } from "../src/team/service.ts";
import { enableSSO } from "../src/white-label/sso-settings.ts";
import { createTestHarness, errorCode, errorField, TEST_PASSWORD, type TestHarness } from "./harness.ts";
import { type SmtpSink, startSmtpSink } from "./support/smtp-sink.ts";
import { passSsoTest } from "./support/sso-test-pass.ts";

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

const NEW_PASSWORD = "lantern orchard quietly meanders";
let people = 0;
/** A member of A with a known password, for one test. */
const person = async (
  organizationId = h.orgA.id,
  domain = "reset.test",
  role: "MEMBER" | "OWNER" = "MEMBER",
) =>
  addMember(h.system, organizationId, {
    name: "Robin Reset",
    email: `robin-${people++}@${domain}`,
    password: TEST_PASSWORD,
    role,
  });

const anonymous = () => h.caller("anonymous");

/** Send the outbox and return the reset token in the mail to `email`. */
const resetTokenMailedTo = async (email: string) => {
  await runMailDelivery(h.deps, h.clock.now());
  const mail = await sink.waitFor((received) => received.to.includes(email));
  const link = mail.links.find((href) => href.startsWith("https://tessera.example/reset-password?token="));
  if (!link) throw new Error(`no reset link in the mail to ${email}`);
  return new URL(link).searchParams.get("token") ?? "";
};

/**
 * The database work a call does, in order: which statements on which tables (a Proxy over the
 * handle and each transaction), so two paths can be compared statement by statement.
 */
const recording = () => {
  const log: string[] = [];
  const wrap = <T extends object>(db: T): T =>
    new Proxy(db, {
      get(target, key, receiver) {
        const value = Reflect.get(target, key, receiver);
        if (typeof value !== "function") return value;
        if (key === "transaction")
          return (work: (tx: object) => unknown) =>
            (value as (w: (tx: object) => unknown) => unknown).call(target, (tx: object) => work(wrap(tx)));
        if (key === "insert" || key === "update" || key === "delete")
          return (table: Table) => {
            log.push(`${key} ${getTableName(table)}`);
            return (value as (t: Table) => unknown).call(target, table);
          };
        if (key === "select" || key === "execute")
          return (...args: unknown[]) => {
            const builder = (value as (...a: unknown[]) => object).apply(target, args);
            if (key === "execute") {
              log.push("execute");
              return builder;
            }
            return new Proxy(builder, {
              get(inner, innerKey, innerReceiver) {
                const method = Reflect.get(inner, innerKey, innerReceiver);
                if (innerKey !== "from" || typeof method !== "function") return method;
                return (table: Table) => {
                  log.push(`select ${getTableName(table)}`);
                  return method.call(inner, table);
                };
              },
            });
          };
        return value;
      },
    });
  return { log, db: wrap(h.db) };
};

describe("asking for a reset", () => {
  it("answers known and unknown addresses identically, doing the same database work (token made and hashed either way)", async () => {
    const known = await person();
    const knownWork = recording();
    const unknownWork = recording();
    const knownAnswer = await requestPasswordReset({ ...h.system, db: knownWork.db }, { email: known.email });
    const unknownAnswer = await requestPasswordReset(
      { ...h.system, db: unknownWork.db },
      { email: "nobody-here@reset.test" },
    );
    expect(knownAnswer).toEqual(unknownAnswer);
    // Same lookups, the same token row and audit event; only the mail is queued for the known one.
    const beforeMail = (log: string[]) => log.slice(0, log.indexOf("insert audit_events") + 1);
    expect(beforeMail(knownWork.log)).toEqual(beforeMail(unknownWork.log));
    expect(beforeMail(knownWork.log)).toContain("insert password_resets");
    // the mail: one statement (queueMail looks the recipient's choices up as it inserts)
    expect(knownWork.log.slice(beforeMail(knownWork.log).length)).toEqual(["execute"]);
    expect(unknownWork.log.slice(beforeMail(unknownWork.log).length)).toEqual([]);

    // Through the API too, for known, unknown and disabled addresses alike.
    const disabled = await person();
    await h.db.update(users).set({ disabledAt: h.clock.now() }).where(eq(users.id, disabled.id));
    const answers = await Promise.all(
      [known.email, "nobody-else@reset.test", disabled.email].map(async (email) =>
        (await anonymous()).auth.requestPasswordReset({ email }),
      ),
    );
    expect(answers[1]).toEqual(answers[0]);
    expect(answers[2]).toEqual(answers[0]);
    await runMailDelivery(h.deps, h.clock.now());
    expect(sink.mails.flatMap((mail) => mail.to)).not.toContain(disabled.email);
  });

  it("rate-limits requests per email, naming the field, with a retry time", async () => {
    const caller = await anonymous();
    const ask = () => caller.auth.requestPasswordReset({ email: "hammered@reset.test" });
    for (let attempt = 0; attempt < 5; attempt++) expect(await errorCode(ask())).toBe("OK");
    expect(await errorCode(ask())).toBe("RATE_LIMITED");
    expect(await errorField(ask())).toBe("email");
    expect(await errorCode(caller.auth.requestPasswordReset({ email: "someone-else@reset.test" }))).toBe(
      "OK",
    );
  });

  it("tells a user of an SSO-enforced organisation to use SSO, and mails no token", async () => {
    const { organization } = await h.newLicensedOrganization("ENTERPRISE");
    const settings = {
      protocol: "OIDC" as const,
      issuer: "https://idp.sso-reset.example.com",
      clientId: "tessera",
      allowedDomains: ["sso-reset.test"],
    };
    await enableSSO(h.system, h.deps, organization.id, {
      ...settings,
      clientSecret: "s3cret",
      enforced: false,
    });
    const owner = await person(organization.id, "sso-reset.test", "OWNER");
    await passSsoTest(h.db, organization.id);
    await enableSSO(h.system, h.deps, organization.id, { ...settings, enforced: true });
    await h.db
      .update(ssoDomains)
      .set({ status: "VERIFIED" })
      .where(eq(ssoDomains.organizationId, organization.id));
    const member = await person(organization.id, "sso-reset.test");
    await (await anonymous()).auth.requestPasswordReset({ email: member.email });
    await runMailDelivery(h.deps, h.clock.now());
    const mail = await sink.waitFor((received) => received.to.includes(member.email));
    expect(mail.subject).toBe("Sign in with single sign-on");
    expect(mail.links.some((href) => href.includes("token="))).toBe(false);
    const redeemable = await h.db
      .select()
      .from(passwordResets)
      .where(and(eq(passwordResets.userId, member.id), isNotNull(passwordResets.userId)));
    expect(redeemable).toEqual([]);
    // the owner's password is the break-glass way in, so the owner may still reset it
    await (await anonymous()).auth.requestPasswordReset({ email: owner.email });
    expect(await resetTokenMailedTo(owner.email)).toMatch(/\S{20,}/);
  });
});

describe("resetting", () => {
  it("mail → link → policy → new password; the old one fails, every old session is gone, audited", async () => {
    const member = await person();
    const sessions = [await h.sessionToken(member.id), await h.sessionToken(member.id)];
    await (await anonymous()).auth.requestPasswordReset({ email: member.email });
    const token = await resetTokenMailedTo(member.email);

    const weak = (await anonymous()).auth.resetPassword({ token, password: "robinreset" });
    expect(await errorCode(weak)).toBe("WEAK_PASSWORD");
    expect(await errorField((await anonymous()).auth.resetPassword({ token, password: "password123" }))).toBe(
      "password",
    );
    expect(await (await h.callerWithToken(sessions[0] ?? "")).auth.me()).toMatchObject({
      email: member.email,
    });

    expect(await (await anonymous()).auth.resetPassword({ token, password: NEW_PASSWORD })).toEqual({
      reset: true,
    });
    for (const session of sessions) expect(await (await h.callerWithToken(session)).auth.me()).toBeNull();
    // From two addresses: a failure makes its own address wait before the next try.
    const signIn = async (password: string, ip: string) =>
      errorCode((await h.callerWithToken(null, ip)).auth.signIn({ email: member.email, password }));
    expect(await signIn(TEST_PASSWORD, "198.51.100.1")).toBe("INVALID_CREDENTIALS");
    expect(await signIn(NEW_PASSWORD, "198.51.100.2")).toBe("OK");
    const audit = await (await h.caller("staffAdmin")).audit.list({ action: "auth.password_reset" });
    expect(audit.items.find((event) => event.targetId === member.id)).toBeDefined();

    // Single use.
    const again = (await anonymous()).auth.resetPassword({ token, password: `${NEW_PASSWORD} again` });
    await expect(again).rejects.toThrow("already been used");
  });

  it("a link expires after an hour and a tampered one is refused, changing nothing", async () => {
    const member = await person();
    await (await anonymous()).auth.requestPasswordReset({ email: member.email });
    const token = await resetTokenMailedTo(member.email);
    const [before] = await h.db.select().from(users).where(eq(users.id, member.id));
    const tampered = `${token.slice(0, -1)}${token.endsWith("A") ? "B" : "A"}`;
    expect(
      await errorCode((await anonymous()).auth.resetPassword({ token: tampered, password: NEW_PASSWORD })),
    ).toBe("LINK_INVALID");
    h.clock.advance(3600_000 + 1000);
    try {
      await expect((await anonymous()).auth.resetPassword({ token, password: NEW_PASSWORD })).rejects.toThrow(
        "This link has expired — ask for a new one",
      );
    } finally {
      h.clock.advance(-(3600_000 + 1000));
    }
    expect(await h.db.select().from(users).where(eq(users.id, member.id))).toEqual([before]);
  });
});
