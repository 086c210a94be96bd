import { auditEvents, ssoDomains } from "@tessera/db/schema";
import { CLAIM_EXPIRED_REASON, CLAIM_EXPIRY_DAYS, CLAIM_TAKEN_REASON } from "@tessera/domain";
import { and, eq, like } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addMember } from "../src/team/service.ts";
import { runDomainSweep } from "../src/white-label/domain-sweep.ts";
import { createTestHarness, errorCode, errorField, TEST_PASSWORD, type TestHarness } from "./harness.ts";
import { RACES_NEED_POSTGRES, raceIt } from "./races-need-postgres.ts";
import { startDnsServer, type TestDnsServer } from "./support/dns-server.ts";
import { passSsoTest } from "./support/sso-test-pass.ts";

// SSO email domains are proven like custom domains: a real DNS server on 127.0.0.1 answers
// the API's TXT lookups (DNS_RESOLVER).
let dns: TestDnsServer;
let h: TestHarness;
beforeAll(async () => {
  dns = await startDnsServer();
  h = await createTestHarness({ DNS_RESOLVER: dns.address });
});
afterAll(async () => {
  await h.close();
  await dns.close();
});

let people = 0;
const owner = async (tier: "STARTER" | "PROFESSIONAL" = "PROFESSIONAL") => {
  const { organization } = await h.newLicensedOrganization(tier);
  const user = await addMember(h.system, organization.id, {
    name: "Owner",
    email: `owner${people++}@sso-domains.test`,
    password: TEST_PASSWORD,
    role: "OWNER",
  });
  return { caller: await h.callerWithToken(await h.sessionToken(user.id)), organizationId: organization.id };
};
type Owner = Awaited<ReturnType<typeof owner>>;

const oidc = (allowedDomains: string[], enforced = false) => ({
  protocol: "OIDC" as const,
  issuer: "https://id.example.com",
  clientId: "tessera",
  clientSecret: "secret",
  allowedDomains,
  enforced,
});

const discover = async (email: string) => (await h.caller("anonymous")).auth.discoverSso({ email });

/** Publish the claim's TXT record and verify it now. */
const prove = async (who: Owner, domain: string) => {
  const claim = (await who.caller.whiteLabel.ssoDomains()).find((row) => row.domain === domain);
  if (!claim) throw new Error(`no claim on ${domain}`);
  dns.setTxt(claim.verification.name, [claim.verification.value]);
  return who.caller.whiteLabel.verifySsoDomain({ ssoDomainId: claim.id });
};

const actions = async (organizationId: string) =>
  (
    await h.db
      .select({ action: auditEvents.action })
      .from(auditEvents)
      .where(
        and(
          eq(auditEvents.organizationId, organizationId),
          like(auditEvents.action, "white_label.sso_domain_%"),
        ),
      )
      .orderBy(auditEvents.seq)
  ).map((row) => row.action);

describe("SSO email domains need DNS proof", () => {
  it("a listed domain is only a PENDING claim: discovery says not set up until its TXT record proves it", async () => {
    const a = await owner();
    await a.caller.whiteLabel.enableSSO(oidc(["Proof-Academy.com"]));
    const [claim] = await a.caller.whiteLabel.ssoDomains();
    expect(claim).toMatchObject({ domain: "proof-academy.com", status: "PENDING" });
    expect(claim?.verification).toMatchObject({ type: "TXT", name: "_tessera.proof-academy.com" });
    expect(await errorCode(discover("ann@proof-academy.com"))).toBe("NOT_FOUND");
    expect(await errorField(discover("ann@proof-academy.com"))).toBe("email");

    expect(await prove(a, "proof-academy.com")).toMatchObject({ status: "VERIFIED", checks: 1 });
    expect((await discover("Ann@Proof-Academy.com")).startUrl).toContain(`organization=${a.organizationId}`);
    expect(await actions(a.organizationId)).toEqual([
      "white_label.sso_domain_added",
      "white_label.sso_domain_verified",
    ]);
  });

  it("a second tenant listing a verified domain neither breaks discovery nor can take it over", async () => {
    const a = await owner();
    const b = await owner();
    await a.caller.whiteLabel.enableSSO(oidc(["shared-school.com"]));
    await b.caller.whiteLabel.enableSSO(oidc(["shared-school.com"])); // B claims first, unproven
    await prove(a, "shared-school.com");
    const [lost] = await b.caller.whiteLabel.ssoDomains();
    expect(lost).toMatchObject({ status: "FAILED", reason: CLAIM_TAKEN_REASON });
    // B publishes its own token too: proof of a name someone else verified is not enough
    expect(await prove(b, "shared-school.com")).toMatchObject({
      status: "FAILED",
      reason: CLAIM_TAKEN_REASON,
    });
    expect((await discover("bob@shared-school.com")).startUrl).toContain(`organization=${a.organizationId}`);

    const c = await owner();
    expect(await errorCode(c.caller.whiteLabel.addSsoDomain({ domain: "shared-school.com" }))).toBe(
      "DOMAIN_TAKEN",
    );
    expect(await errorField(c.caller.whiteLabel.enableSSO(oidc(["c-school.com", "shared-school.com"])))).toBe(
      "allowedDomains.1",
    );
    expect(await c.caller.whiteLabel.ssoDomains()).toEqual([]); // nothing written
    expect(await c.caller.whiteLabel.sso()).toBeNull();
  });

  it.each([
    ["gmail.com", "domain"],
    ["outlook.com", "domain"],
    ["proton.me", "domain"],
    ["tessera.app", "domain"],
    ["login.tessera.dev", "domain"],
  ])("%s is refused naming the field", async (domain, field) => {
    const a = await owner();
    const call = a.caller.whiteLabel.addSsoDomain({ domain });
    expect(await errorCode(call)).toBe("VALIDATION_FAILED");
    expect(await errorField(a.caller.whiteLabel.addSsoDomain({ domain }))).toBe(field);
    expect(await errorField(a.caller.whiteLabel.enableSSO(oidc(["acme-own.com", domain])))).toBe(
      "allowedDomains.1",
    );
    expect(
      await h.db.select().from(ssoDomains).where(eq(ssoDomains.organizationId, a.organizationId)),
    ).toEqual([]);
    expect(await a.caller.whiteLabel.sso()).toBeNull();
  });

  it("enforcement applies only to a proven domain: before proof its users still sign in with a password", async () => {
    const a = await owner();
    await addMember(h.system, a.organizationId, {
      name: "Enforced",
      email: "ann@enforced-school.com",
      password: TEST_PASSWORD,
      role: "MEMBER",
    });
    await a.caller.whiteLabel.enableSSO(oidc(["enforced-school.com"]));
    await passSsoTest(h.db, a.organizationId);
    const { clientSecret: _sealedAlready, ...enforced } = oidc(["enforced-school.com"], true);
    await a.caller.whiteLabel.enableSSO(enforced);
    const signIn = async () =>
      errorCode(
        (await h.caller("anonymous")).auth.signIn({
          email: "ann@enforced-school.com",
          password: TEST_PASSWORD,
        }),
      );
    expect(await signIn()).toBe("OK");
    await prove(a, "enforced-school.com");
    expect(await signIn()).toBe("SSO_REQUIRED");
  });

  it("tenancy: another organisation can neither verify nor remove a claim; staff list any organisation's", async () => {
    const a = await owner();
    const b = await owner();
    const claim = await a.caller.whiteLabel.addSsoDomain({ domain: "private-school.com" });
    expect(await errorCode(b.caller.whiteLabel.verifySsoDomain({ ssoDomainId: claim.id }))).toBe("NOT_FOUND");
    expect(await errorCode(b.caller.whiteLabel.removeSsoDomain({ ssoDomainId: claim.id }))).toBe("NOT_FOUND");
    expect(await b.caller.whiteLabel.ssoDomains()).toEqual([]);
    const staff = await h.caller("staffViewer");
    expect(
      (await staff.whiteLabel.organizationSsoDomains({ organizationId: a.organizationId })).map(
        (row) => row.id,
      ),
    ).toEqual([claim.id]);
  });

  it("a STARTER organisation may not claim domains: TIER_FEATURE_REQUIRED", async () => {
    const a = await owner("STARTER");
    expect(await errorCode(a.caller.whiteLabel.addSsoDomain({ domain: "starter-school.com" }))).toBe(
      "TIER_FEATURE_REQUIRED",
    );
  });

  it("removing a verified domain stops routing its emails to the provider", async () => {
    const a = await owner();
    await a.caller.whiteLabel.enableSSO(oidc(["leaving-school.com"]));
    const verified = await prove(a, "leaving-school.com");
    expect((await discover("x@leaving-school.com")).startUrl).toBeTruthy();
    await a.caller.whiteLabel.removeSsoDomain({ ssoDomainId: verified.id });
    expect(await errorCode(discover("x@leaving-school.com"))).toBe("NOT_FOUND");
    expect(await actions(a.organizationId)).toContain("white_label.sso_domain_removed");
  });

  it(`unverified claims expire after ${CLAIM_EXPIRY_DAYS} days through the domain sweep`, async () => {
    const a = await owner();
    await a.caller.whiteLabel.addSsoDomain({ domain: "slow-school.com" });
    const start = h.clock.now();
    await runDomainSweep(h.deps, new Date(start.getTime() + (CLAIM_EXPIRY_DAYS - 1) * 86_400_000));
    expect((await a.caller.whiteLabel.ssoDomains())[0]?.reason).not.toBe(CLAIM_EXPIRED_REASON);
    await runDomainSweep(h.deps, new Date(start.getTime() + CLAIM_EXPIRY_DAYS * 86_400_000));
    await runDomainSweep(h.deps, new Date(start.getTime() + (CLAIM_EXPIRY_DAYS + 1) * 86_400_000));
    expect((await a.caller.whiteLabel.ssoDomains())[0]).toMatchObject({
      status: "FAILED",
      reason: CLAIM_EXPIRED_REASON,
    });
    expect(
      (await actions(a.organizationId)).filter((x) => x === "white_label.sso_domain_expired"),
    ).toHaveLength(1);
  });

  raceIt(
    `two tenants verifying one domain at once: exactly one VERIFIED ${RACES_NEED_POSTGRES}`,
    async () => {
      const a = await owner();
      const b = await owner();
      const claimA = await a.caller.whiteLabel.addSsoDomain({ domain: "contested-school.com" });
      const claimB = await b.caller.whiteLabel.addSsoDomain({ domain: "contested-school.com" });
      dns.setTxt(claimA.verification.name, [claimA.verification.value, claimB.verification.value]);
      await Promise.all([
        a.caller.whiteLabel.verifySsoDomain({ ssoDomainId: claimA.id }),
        b.caller.whiteLabel.verifySsoDomain({ ssoDomainId: claimB.id }),
        a.caller.whiteLabel.verifySsoDomain({ ssoDomainId: claimA.id }),
        b.caller.whiteLabel.verifySsoDomain({ ssoDomainId: claimB.id }),
      ]);
      const rows = await h.db.select().from(ssoDomains).where(eq(ssoDomains.domain, "contested-school.com"));
      expect(rows.map((row) => row.status).sort()).toEqual(["FAILED", "VERIFIED"]);
    },
  );
});
