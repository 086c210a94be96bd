import { constraintName } from "@tessera/db";
import { auditEvents, customizations } from "@tessera/db/schema";
import { CLAIM_EXPIRED_REASON, CLAIM_EXPIRY_DAYS, CLAIM_TAKEN_REASON } from "@tessera/domain";
import { and, eq, like, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createRequestContext } from "../src/request-context.ts";
import { appRouter } from "../src/router.ts";
import { addMember } from "../src/team/service.ts";
import { createCallerFactory } from "../src/trpc.ts";
import { runDomainSweep } from "../src/white-label/domain-sweep.ts";
import { createTestHarness, errorCode, errorField, TEST_PASSWORD, type TestHarness } from "./harness.ts";
import { RACES_NEED_POSTGRES, raceIt } from "./races-need-postgres.ts";
import { startDnsServer, type TestDnsServer } from "./support/dns-server.ts";
import { startSamlIdp } from "./support/saml-idp.ts";

// A real DNS server on 127.0.0.1 (UDP, random port) that the API's resolver is pointed at.
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

const HOUR = 3_600_000;
const createCaller = createCallerFactory(appRouter);
/** An anonymous visitor whose request arrived with this Host header. */
const visitorOn = async (host: string) =>
  createCaller(
    await createRequestContext(h.deps, {
      ip: "198.51.100.4",
      userAgent: "vitest",
      secure: true,
      host,
      cookieHeader: undefined,
      setHeader: () => {},
    }),
  );

let owners = 0;
const professionalOwner = async () => {
  const { organization } = await h.newLicensedOrganization("PROFESSIONAL");
  const user = await addMember(h.system, organization.id, {
    name: "Owner",
    email: `owner${owners++}@domains.test`,
    password: TEST_PASSWORD,
    role: "OWNER",
  });
  return { caller: await h.callerWithToken(await h.sessionToken(user.id)), organizationId: organization.id };
};

const transitions = async (organizationId: string) =>
  (
    await h.db
      .select({ action: auditEvents.action })
      .from(auditEvents)
      .where(
        and(eq(auditEvents.organizationId, organizationId), like(auditEvents.action, "white_label.domain_%")),
      )
      .orderBy(auditEvents.seq)
  ).map((row) => row.action);

describe("custom domain verification over DNS", () => {
  it("PENDING with instructions → FAILED with the DNS answer → VERIFIED once the TXT record holds the token", async () => {
    const { caller, organizationId } = await professionalOwner();
    const set = await caller.whiteLabel.setCustomDomain({ hostname: "Learn.Northwind-Academy.com" });
    expect(set).toMatchObject({ hostname: "learn.northwind-academy.com", status: "PENDING", checks: 0 });
    expect(set.verification).toEqual({
      type: "TXT",
      name: "_tessera.learn.northwind-academy.com",
      value: `tessera-verification=${set.token}`,
    });
    expect(set.token).toMatch(/^[0-9a-f]{32}$/);

    const missing = await caller.whiteLabel.verifyDomain();
    expect(missing).toMatchObject({ status: "FAILED", dnsError: "ENOTFOUND", dnsRecords: null });
    expect(missing.reason).toContain("No TXT record found at _tessera.learn.northwind-academy.com");

    dns.setTxt(set.verification.name, ["v=spf1 -all", "tessera-verification=wrong"]);
    const wrong = await caller.whiteLabel.verifyDomain();
    expect(wrong).toMatchObject({
      status: "FAILED",
      dnsRecords: ["v=spf1 -all", "tessera-verification=wrong"],
    });
    expect(wrong.reason).toContain('found "v=spf1 -all", "tessera-verification=wrong"');

    dns.setTxt(set.verification.name, ["v=spf1 -all", set.verification.value]);
    const verified = await caller.whiteLabel.verifyDomain();
    expect(verified).toMatchObject({ status: "VERIFIED", checks: 3, dnsError: null });
    expect(verified.verifiedAt).toBe(h.clock.now().toISOString());
    // FAILED → FAILED is no transition: two audited changes plus the set
    expect(await transitions(organizationId)).toEqual([
      "white_label.domain_set",
      "white_label.domain_failed",
      "white_label.domain_verified",
    ]);
    expect(dns.queries()).toBeGreaterThanOrEqual(3);
  });

  it("setting the same name again keeps the token; a new name starts over with a new token", async () => {
    const { caller } = await professionalOwner();
    const first = await caller.whiteLabel.setCustomDomain({ hostname: "courses.keep-token.com" });
    const again = await caller.whiteLabel.setCustomDomain({ hostname: "COURSES.keep-token.com." });
    expect(again.token).toBe(first.token);
    const other = await caller.whiteLabel.setCustomDomain({ hostname: "learn.keep-token.com" });
    expect(other.token).not.toBe(first.token);
    expect(other.status).toBe("PENDING");
  });

  it("racing checks (two clicks and a sweep) record the transition and its audit event once", async () => {
    const { caller, organizationId } = await professionalOwner();
    const set = await caller.whiteLabel.setCustomDomain({ hostname: "race.parallel-school.com" });
    dns.setTxt(set.verification.name, [set.verification.value]);
    const results = await Promise.all([
      caller.whiteLabel.verifyDomain(),
      caller.whiteLabel.verifyDomain(),
      runDomainSweep(h.deps, h.clock.now()),
    ]);
    expect(results[0]).toMatchObject({ status: "VERIFIED" });
    expect(results[1]).toMatchObject({ status: "VERIFIED" });
    expect(
      (await transitions(organizationId)).filter((a) => a === "white_label.domain_verified"),
    ).toHaveLength(1);
  });

  it("the sweep re-checks unverified domains every 5 minutes for 72 hours, then leaves them to a click", async () => {
    const { caller, organizationId } = await professionalOwner();
    const set = await caller.whiteLabel.setCustomDomain({ hostname: "sweep.slow-dns.com" });
    const start = h.clock.now();
    const at = (ms: number) => new Date(start.getTime() + ms);
    const mine = async (now: Date) => {
      await runDomainSweep(h.deps, now);
      return (await caller.whiteLabel.domain())?.checks;
    };
    expect(await mine(at(0))).toBe(1); // never checked: due now
    expect(await mine(at(60_000))).toBe(1); // checked a minute ago: not yet
    expect(await mine(at(6 * 60_000))).toBe(2);
    dns.setTxt(set.verification.name, [set.verification.value]);
    expect(await mine(at(73 * HOUR))).toBe(2); // past the window: the sweep leaves it
    h.clock.set(at(73 * HOUR));
    try {
      expect((await caller.whiteLabel.verifyDomain()).status).toBe("VERIFIED"); // a click still works
    } finally {
      h.clock.set(start);
    }
    await runDomainSweep(h.deps, at(74 * HOUR));
    expect((await caller.whiteLabel.domain())?.checks).toBe(3); // verified domains are not swept
    expect(await transitions(organizationId)).toContain("white_label.domain_verified");
  });

  it("a DNS server that does not answer fails the check with the resolver's error, not a 500", async () => {
    const { organization } = await h.newLicensedOrganization("PROFESSIONAL");
    const user = await addMember(h.system, organization.id, {
      name: "Owner",
      email: `deaf${owners++}@domains.test`,
      password: TEST_PASSWORD,
      role: "OWNER",
    });
    const caller = await h.callerWithToken(await h.sessionToken(user.id));
    const set = await caller.whiteLabel.setCustomDomain({ hostname: "quiet.nameserver-down.com" });
    dns.remove(set.verification.name);
    // point the API at a closed port: the resolver times out or is refused
    const original = h.deps.config.DNS_RESOLVER;
    (h.deps.config as { DNS_RESOLVER: string[] | undefined }).DNS_RESOLVER = ["127.0.0.1:9"];
    try {
      const checked = await caller.whiteLabel.verifyDomain();
      expect(checked.status).toBe("FAILED");
      expect(checked.dnsError).toMatch(/^E[A-Z]+$/);
      expect(checked.reason).toContain("The DNS lookup of _tessera.quiet.nameserver-down.com failed");
    } finally {
      (h.deps.config as { DNS_RESOLVER: string[] | undefined }).DNS_RESOLVER = original;
    }
  });

  it("verifyDomain without a domain is NOT_FOUND naming hostname", async () => {
    const { caller } = await professionalOwner();
    expect(await errorCode(caller.whiteLabel.verifyDomain())).toBe("NOT_FOUND");
  });
});

describe("Host-based branding", () => {
  it("a request on a verified domain gets its organisation's branding and SSO button; unverified or unknown hosts get Tessera's", async () => {
    const { caller } = await professionalOwner();
    await caller.whiteLabel.enableWhiteLabel({ enabled: true });
    await caller.whiteLabel.setBranding({
      companyName: "Northwind Academy",
      primaryColor: "#0f766e",
      secondaryColor: "#134e4a",
      accentColor: "#f59e0b",
    });
    await caller.whiteLabel.enableSSO({
      protocol: "OIDC",
      issuer: "https://id.northwind-learning.com",
      clientId: "tessera",
      clientSecret: "secret",
      allowedDomains: ["northwind-learning.com"],
    });
    const set = await caller.whiteLabel.setCustomDomain({ hostname: "learn.northwind-learning.com" });

    const pending = await (await visitorOn("learn.northwind-learning.com")).whiteLabel.theme();
    expect(pending).toMatchObject({ source: "DEFAULT", organizationId: null, sso: null });

    dns.setTxt(set.verification.name, [set.verification.value]);
    await caller.whiteLabel.verifyDomain();
    for (const host of ["learn.northwind-learning.com", "LEARN.northwind-learning.com:443"]) {
      const theme = await (await visitorOn(host)).whiteLabel.theme();
      expect(theme.source).toBe("DOMAIN");
      expect(theme.branding).toMatchObject({ companyName: "Northwind Academy", primaryColor: "#0f766e" });
      expect(theme.sso?.startUrl).toMatch(/^\/auth\/sso\/start\?organization=/);
    }
    // a SAML organisation gets the same button: the start dispatches on the protocol
    // a certificate valid on the harness's clock
    const now = h.clock.now().getTime();
    const idp = await startSamlIdp({
      from: new Date(now - 86_400_000),
      to: new Date(now + 365 * 86_400_000),
    });
    await idp.close();
    await caller.whiteLabel.enableSSO({
      protocol: "SAML",
      entityId: idp.entityId,
      ssoUrl: "https://id.northwind-learning.com/saml",
      certificate: idp.certificate,
      allowedDomains: ["northwind-learning.com"],
    });
    const saml = await (await visitorOn("learn.northwind-learning.com")).whiteLabel.theme();
    expect(saml.sso?.startUrl).toMatch(/^\/auth\/sso\/start\?organization=/);
    expect((await (await visitorOn("tessera.app")).whiteLabel.theme()).source).toBe("DEFAULT");
    expect((await (await visitorOn("other.northwind-learning.com")).whiteLabel.theme()).source).toBe(
      "DEFAULT",
    );
  });

  it("deleting a verified domain frees the hostname for another organisation", async () => {
    const a = await professionalOwner();
    const b = await professionalOwner();
    const set = await a.caller.whiteLabel.setCustomDomain({ hostname: "moving.handover-school.com" });
    dns.setTxt(set.verification.name, [set.verification.value]);
    expect((await a.caller.whiteLabel.verifyDomain()).status).toBe("VERIFIED");
    expect(
      await errorCode(b.caller.whiteLabel.setCustomDomain({ hostname: "Moving.Handover-School.com." })),
    ).toBe("DOMAIN_TAKEN");
    expect(
      await errorField(b.caller.whiteLabel.setCustomDomain({ hostname: "moving.handover-school.com" })),
    ).toBe("hostname");
    expect(await b.caller.whiteLabel.domain()).toBeNull(); // nothing written
    await a.caller.whiteLabel.deleteCustomization({ customizationId: set.id });
    expect(
      (await b.caller.whiteLabel.setCustomDomain({ hostname: "moving.handover-school.com" })).status,
    ).toBe("PENDING");
  });
});

describe("custom-domain squatting", () => {
  it("a pending or failed claim does not block the real owner: TXT proof wins and the squatter's claim fails with the reason", async () => {
    const squatter = await professionalOwner();
    const owner = await professionalOwner();
    const hostname = "learn.squatted-school.com";
    const squat = await squatter.caller.whiteLabel.setCustomDomain({ hostname });
    expect((await squatter.caller.whiteLabel.verifyDomain()).status).toBe("FAILED");

    const claim = await owner.caller.whiteLabel.setCustomDomain({ hostname });
    expect(claim.status).toBe("PENDING");
    dns.setTxt(claim.verification.name, [claim.verification.value]);
    expect((await owner.caller.whiteLabel.verifyDomain()).status).toBe("VERIFIED");

    const lost = await squatter.caller.whiteLabel.domain();
    expect(lost).toMatchObject({ status: "FAILED", reason: CLAIM_TAKEN_REASON });
    expect(await transitions(squatter.organizationId)).toEqual([
      "white_label.domain_set",
      "white_label.domain_failed",
      "white_label.domain_failed",
    ]);
    // even with its own token published too, the loser cannot take the name over
    dns.setTxt(claim.verification.name, [claim.verification.value, squat.verification.value]);
    expect(await squatter.caller.whiteLabel.verifyDomain()).toMatchObject({
      status: "FAILED",
      reason: CLAIM_TAKEN_REASON,
    });
    // the Host serves the verified owner's theme, whatever other claims exist
    expect((await (await visitorOn(hostname)).whiteLabel.theme()).organizationId).toBe(owner.organizationId);
  });

  it("the theme of a Host comes from a VERIFIED row only, never from a pending claim", async () => {
    const squatter = await professionalOwner();
    await squatter.caller.whiteLabel.enableWhiteLabel({ enabled: true });
    await squatter.caller.whiteLabel.setBranding({
      companyName: "Squatter",
      primaryColor: "#111111",
      secondaryColor: "#222222",
      accentColor: "#333333",
    });
    await squatter.caller.whiteLabel.setCustomDomain({ hostname: "unproven.theme-school.com" });
    expect(await (await visitorOn("unproven.theme-school.com")).whiteLabel.theme()).toMatchObject({
      source: "DEFAULT",
      organizationId: null,
    });
  });

  it(`unverified claims expire after ${CLAIM_EXPIRY_DAYS} days through the sweep, once, and a click can still prove them`, async () => {
    const { caller, organizationId } = await professionalOwner();
    const set = await caller.whiteLabel.setCustomDomain({ hostname: "stale.expiring-school.com" });
    const start = h.clock.now();
    const at = (days: number) => new Date(start.getTime() + days * 24 * HOUR);
    await runDomainSweep(h.deps, at(CLAIM_EXPIRY_DAYS - 0.5));
    expect((await caller.whiteLabel.domain())?.reason).not.toBe(CLAIM_EXPIRED_REASON);
    await runDomainSweep(h.deps, at(CLAIM_EXPIRY_DAYS));
    await runDomainSweep(h.deps, at(CLAIM_EXPIRY_DAYS + 1));
    expect(await caller.whiteLabel.domain()).toMatchObject({
      status: "FAILED",
      reason: CLAIM_EXPIRED_REASON,
    });
    expect(
      (await transitions(organizationId)).filter((a) => a === "white_label.domain_expired"),
    ).toHaveLength(1);
    dns.setTxt(set.verification.name, [set.verification.value]);
    expect((await caller.whiteLabel.verifyDomain()).status).toBe("VERIFIED");
  });

  raceIt(
    `two tenants verifying one hostname at once: exactly one VERIFIED, the other FAILED ${RACES_NEED_POSTGRES}`,
    async () => {
      const a = await professionalOwner();
      const b = await professionalOwner();
      const hostname = "contested.race-school.com";
      const claimA = await a.caller.whiteLabel.setCustomDomain({ hostname });
      const claimB = await b.caller.whiteLabel.setCustomDomain({ hostname });
      dns.setTxt(claimA.verification.name, [claimA.verification.value, claimB.verification.value]);
      const results = await Promise.all([
        a.caller.whiteLabel.verifyDomain(),
        b.caller.whiteLabel.verifyDomain(),
        a.caller.whiteLabel.verifyDomain(),
        b.caller.whiteLabel.verifyDomain(),
      ]);
      expect(results.every((result) => result.status === "VERIFIED" || result.status === "FAILED")).toBe(
        true,
      );
      const rows = await h.db
        .select({ organizationId: customizations.organizationId, value: customizations.value })
        .from(customizations)
        .where(
          and(eq(customizations.type, "DOMAIN"), sql`${customizations.value}->>'hostname' = ${hostname}`),
        );
      expect(rows.map((row) => row.value.status).sort()).toEqual(["FAILED", "VERIFIED"]);
      expect(rows.find((row) => row.value.status === "FAILED")?.value.reason).toBe(CLAIM_TAKEN_REASON);
      // and the database itself refuses a second VERIFIED row for the name
      const loser = rows.find((row) => row.value.status === "FAILED");
      const forced = h.db
        .update(customizations)
        .set({ value: sql`${customizations.value} || '{"status":"VERIFIED"}'::jsonb` })
        .where(
          and(
            eq(customizations.type, "DOMAIN"),
            eq(customizations.organizationId, loser?.organizationId ?? ""),
          ),
        );
      await expect(forced).rejects.toSatisfy(
        (error: unknown) => constraintName(error) === "customizations_domain_verified_hostname_unique",
      );
    },
  );
});
