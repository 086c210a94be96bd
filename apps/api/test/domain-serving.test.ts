import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { auditEvents, mailOutbox } from "@tessera/db/schema";
import { DOMAIN_LAPSE_HOURS } from "@tessera/domain";
import { and, eq, like } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createRequestHandler } from "../src/http.ts";
import { runDomainRecheck } from "../src/jobs/domain-recheck.ts";
import { renderMail } from "../src/mail/render.tsx";
import { createRequestContext } from "../src/request-context.ts";
import { appRouter } from "../src/router.ts";
import { addMember } from "../src/team/service.ts";
import { createCallerFactory } from "../src/trpc.ts";
import { createTestHarness, TEST_PASSWORD, type TestHarness } from "./harness.ts";
import { RACES_NEED_POSTGRES, raceIt } from "./races-need-postgres.ts";
import { startDnsServer, type TestDnsServer } from "./support/dns-server.ts";

/*
 * A custom domain that actually serves: the routing record beside the TXT proof (a real DNS
 * server on loopback answers both), the on-demand TLS ask endpoint over real HTTP as Caddy
 * calls it, and the daily re-check that lapses a domain whose proof stays gone for 72 hours.
 */
const TARGET = "domains.tessera.app"; // PLATFORM_CNAME_TARGET's default
const TARGET_ADDRESSES = ["192.0.2.10", "2001:db8::10"];
const HOUR = 3_600_000;

let dns: TestDnsServer;
let h: TestHarness;
let server: Server;
let base = "";
beforeAll(async () => {
  dns = await startDnsServer();
  dns.setAddresses(TARGET, TARGET_ADDRESSES);
  h = await createTestHarness({ DNS_RESOLVER: dns.address });
  const handle = createRequestHandler(h.deps);
  server = createServer((req, res) => void handle(req, res));
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", () => resolve()));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  await h.close();
  await dns.close();
});

const createCaller = createCallerFactory(appRouter);
/** The organisation whose branding a request on this Host gets (null: Tessera's). */
const themeOrganization = async (host: string) => {
  const visitor = createCaller(
    await createRequestContext(h.deps, {
      ip: "198.51.100.4",
      userAgent: "vitest",
      secure: true,
      host,
      cookieHeader: undefined,
      setHeader: () => {},
    }),
  );
  return (await visitor.whiteLabel.theme()).organizationId;
};

let people = 0;
/** A PROFESSIONAL organisation with an owner (signed in) and an admin. */
const organizationWithAdmins = async () => {
  const { organization } = await h.newLicensedOrganization("PROFESSIONAL");
  const person = (role: "OWNER" | "ADMIN") =>
    addMember(h.system, organization.id, {
      name: role,
      email: `${role.toLowerCase()}${people++}@serving.test`,
      password: TEST_PASSWORD,
      role,
    });
  const owner = await person("OWNER");
  await person("ADMIN");
  return { caller: await h.callerWithToken(await h.sessionToken(owner.id)), organizationId: organization.id };
};

/** Set and prove a hostname through DNS, as the organisation's admin would. */
const verifiedDomain = async (hostname: string) => {
  const org = await organizationWithAdmins();
  const set = await org.caller.whiteLabel.setCustomDomain({ hostname });
  dns.setTxt(set.verification.name, [set.verification.value]);
  expect((await org.caller.whiteLabel.verifyDomain()).status).toBe("VERIFIED");
  return { ...org, set };
};

/** GET /internal/tls/ask exactly as Caddy's on_demand_tls `ask` calls it. */
const ask = async (query: string, method = "GET") =>
  (await fetch(`${base}/internal/tls/ask?${query}`, { method })).status;
const askFor = (domain: string) => ask(`domain=${encodeURIComponent(domain)}`);

const domainActions = async (organizationId: string) =>
  (
    await h.db
      .select({ action: auditEvents.action })
      .from(auditEvents)
      .where(
        and(eq(auditEvents.organizationId, organizationId), like(auditEvents.action, "white_label.domain_%")),
      )
      .orderBy(auditEvents.seq)
  ).map((row) => row.action);

const lapseNotices = (organizationId: string) =>
  h.db
    .select({ to: mailOutbox.toAddress, data: mailOutbox.data })
    .from(mailOutbox)
    .where(and(eq(mailOutbox.organizationId, organizationId), eq(mailOutbox.template, "domain-lapsed")));

describe("the routing record beside the TXT proof", () => {
  it("a subdomain is told to CNAME to the target; each record's state is shown apart, and VERIFIED needs only the proof", async () => {
    const { caller, organizationId } = await organizationWithAdmins();
    const hostname = "learn.routing-school.com";
    const set = await caller.whiteLabel.setCustomDomain({ hostname });
    expect(set).toMatchObject({ apex: false, routingTarget: TARGET, routing: null });
    expect(set.routingRecords).toEqual([{ type: "CNAME", name: hostname, value: TARGET }]);

    const nothing = await caller.whiteLabel.verifyDomain();
    expect(nothing).toMatchObject({ status: "FAILED", routing: { status: "MISSING", records: [] } });
    expect(nothing.routing?.reason).toBe(
      `No CNAME, A or AAAA record at ${hostname}: it does not point at ${TARGET} yet`,
    );

    // The proof alone verifies: verified, not yet routed.
    dns.setTxt(set.verification.name, [set.verification.value]);
    expect(await caller.whiteLabel.verifyDomain()).toMatchObject({
      status: "VERIFIED",
      routing: { status: "MISSING" },
    });

    dns.setCname(hostname, "old-site.hosting.example.net");
    const elsewhere = await caller.whiteLabel.verifyDomain();
    expect(elsewhere).toMatchObject({
      status: "VERIFIED",
      routing: { status: "ELSEWHERE", records: ["CNAME old-site.hosting.example.net"] },
    });
    expect(elsewhere.routing?.reason).toBe(
      `${hostname} is a CNAME to old-site.hosting.example.net, not to ${TARGET}`,
    );

    dns.setCname(hostname, TARGET);
    const routed = await caller.whiteLabel.verifyDomain();
    expect(routed).toMatchObject({
      status: "VERIFIED",
      routing: { status: "ROUTED", records: [`CNAME ${TARGET}`] },
    });
    // The portal's overview and the REST configuration carry the stored routing state too.
    expect((await caller.whiteLabel.config()).domain?.routing?.status).toBe("ROUTED");
    // Routing states are shown, not audited: only the proof's transitions are.
    expect(await domainActions(organizationId)).toEqual([
      "white_label.domain_set",
      "white_label.domain_failed",
      "white_label.domain_verified",
    ]);
  });

  it("an apex is told the target's A/AAAA addresses and is routed only while every address is ours", async () => {
    const { caller } = await organizationWithAdmins();
    const hostname = "routing-apex.com";
    const set = await caller.whiteLabel.setCustomDomain({ hostname });
    expect(set.apex).toBe(true);
    // The target's addresses are known from the first check on.
    expect(set.routingRecords).toEqual([{ type: "A", name: hostname, value: null }]);
    dns.setTxt(set.verification.name, [set.verification.value]);
    const first = await caller.whiteLabel.verifyDomain();
    expect(first.routing?.status).toBe("MISSING");
    expect(first.routingRecords).toEqual([
      { type: "A", name: hostname, value: "192.0.2.10" },
      { type: "AAAA", name: hostname, value: "2001:db8::10" },
    ]);

    dns.setAddresses(hostname, ["192.0.2.10", "2001:db8::10"]);
    expect(await caller.whiteLabel.verifyDomain()).toMatchObject({
      routing: { status: "ROUTED", records: ["A 192.0.2.10", "AAAA 2001:db8::10"] },
    });
    dns.setAddresses(hostname, ["192.0.2.10", "198.51.100.7"]);
    const stray = await caller.whiteLabel.verifyDomain();
    expect(stray.routing?.status).toBe("ELSEWHERE");
    expect(stray.routing?.reason).toContain("points at 198.51.100.7, which is not domains.tessera.app's");
    dns.removeRouting(hostname);
  });
});

describe("GET /internal/tls/ask (Caddy's on_demand_tls ask)", () => {
  it("200 for a verified custom domain, in any case and with a trailing dot; 404 for pending and unknown names", async () => {
    await verifiedDomain("tls.verified-school.com");
    expect(await askFor("tls.verified-school.com")).toBe(200);
    expect(await askFor("TLS.Verified-School.COM.")).toBe(200);
    expect(await ask("domain=tls.verified-school.com", "HEAD")).toBe(200);

    const pending = await organizationWithAdmins();
    await pending.caller.whiteLabel.setCustomDomain({ hostname: "tls.pending-school.com" });
    expect(await askFor("tls.pending-school.com")).toBe(404);
    expect(await askFor("never-claimed.example.org")).toBe(404);
    expect(await askFor("verified-school.com")).toBe(404); // the parent is not the verified name
  });

  it("400 for no hostname (missing, empty, too long, not a name); 405 for another method; never a 500", async () => {
    const bad = [
      "",
      "domain=",
      `domain=${"a".repeat(250)}.com`,
      "domain=not%20a%20host!",
      "domain=_tessera.verified-school.com",
      "domain=192.0.2.10:443",
      "domain=%00",
      "domain=%E2%98%83.example.com",
      "domain=localhost",
    ];
    for (const query of bad) expect([query, await ask(query)]).toEqual([query, 400]);
    expect(await ask("domain=tls.verified-school.com", "POST")).toBe(405);
  });
});

describe("the daily re-check of verified domains", () => {
  it(`a proof missing for ${DOMAIN_LAPSE_HOURS} hours lapses the domain once: not served, owners and admins mailed once, audited`, async () => {
    const hostname = "lapse.gone-school.com";
    const { organizationId, set, caller } = await verifiedDomain(hostname);
    const start = h.clock.now();
    const at = (hours: number) => new Date(start.getTime() + hours * HOUR);
    const mine = async () => (await caller.whiteLabel.domain()) ?? undefined;

    await runDomainRecheck(h.deps, at(23)); // checked at verification: not due yet
    expect((await mine())?.checks).toBe(1);
    dns.remove(set.verification.name);
    await runDomainRecheck(h.deps, at(24)); // the daily check finds the proof gone
    expect(await mine()).toMatchObject({
      status: "VERIFIED",
      proofMissingSince: at(24).toISOString(),
      checks: 2,
    });
    expect(await askFor(hostname)).toBe(200); // still served during the grace
    expect(await themeOrganization(hostname)).toBe(organizationId);

    await runDomainRecheck(h.deps, at(24.5)); // while missing: hourly, not sooner
    expect((await mine())?.checks).toBe(2);
    await runDomainRecheck(h.deps, at(24 + DOMAIN_LAPSE_HOURS - 1));
    expect(await mine()).toMatchObject({ status: "VERIFIED", checks: 3 });
    await runDomainRecheck(h.deps, at(24 + DOMAIN_LAPSE_HOURS));
    const lapsed = await mine();
    expect(lapsed).toMatchObject({ status: "LAPSED", lapsedAt: at(24 + DOMAIN_LAPSE_HOURS).toISOString() });
    expect(lapsed?.reason).toContain(`the TXT proof has been missing since ${at(24).toISOString()}`);
    expect(await askFor(hostname)).toBe(404);
    expect(await themeOrganization(hostname)).toBeNull();

    // Two more sweeps (the job does not pick lapsed domains again): one event, one mail each.
    await runDomainRecheck(h.deps, at(24 + DOMAIN_LAPSE_HOURS + 2));
    await runDomainRecheck(h.deps, at(24 + DOMAIN_LAPSE_HOURS + 30));
    expect(
      (await domainActions(organizationId)).filter((a) => a === "white_label.domain_lapsed"),
    ).toHaveLength(1);
    const notices = await lapseNotices(organizationId);
    expect(notices.map((notice) => notice.to.replace(/\d+/, "")).sort()).toEqual([
      "admin@serving.test",
      "owner@serving.test",
    ]);
    expect(notices[0]?.data).toMatchObject({ hostname, missingSince: at(24).toISOString() });
    const mail = await renderMail(
      { template: "domain-lapsed", data: notices[0]?.data ?? {} },
      { companyName: "Tessera", logoUrl: null, primaryColor: "#4f46e5" },
      base,
      null,
    );
    expect(mail.subject).toMatch(new RegExp(`^${hostname} is no longer served — `));
    expect(mail.text).toContain(`The TXT record at _tessera.${hostname}`);
    expect(mail.text).toContain(`${base}/portal/settings/domain`);

    // The proof returns: a click serves it again; a later lapse is a new lapse with its own notice.
    dns.setTxt(set.verification.name, [set.verification.value]);
    expect(await caller.whiteLabel.verifyDomain()).toMatchObject({
      status: "VERIFIED",
      proofMissingSince: null,
    });
    expect(await askFor(hostname)).toBe(200);
    dns.remove(set.verification.name);
    await runDomainRecheck(h.deps, at(100 + 24));
    await runDomainRecheck(h.deps, at(100 + 24 + DOMAIN_LAPSE_HOURS));
    expect((await mine())?.status).toBe("LAPSED");
    expect(await lapseNotices(organizationId)).toHaveLength(4);
  });

  it("the proof returning within 72 hours clears the mark; missing again starts a new 72 hours", async () => {
    const hostname = "flaky.dns-school.com";
    const { organizationId, set, caller } = await verifiedDomain(hostname);
    const start = h.clock.now();
    const at = (hours: number) => new Date(start.getTime() + hours * HOUR);
    dns.remove(set.verification.name);
    await runDomainRecheck(h.deps, at(24));
    expect((await caller.whiteLabel.domain())?.proofMissingSince).toBe(at(24).toISOString());
    dns.setTxt(set.verification.name, [set.verification.value]);
    await runDomainRecheck(h.deps, at(90)); // before 24 + 72
    expect(await caller.whiteLabel.domain()).toMatchObject({ status: "VERIFIED", proofMissingSince: null });

    dns.remove(set.verification.name);
    await runDomainRecheck(h.deps, at(114)); // next daily check: missing again, from now
    // 71 hours on from the new mark (the old one, from hour 24, is long past 72): still served
    await runDomainRecheck(h.deps, at(114 + DOMAIN_LAPSE_HOURS - 1));
    expect(await caller.whiteLabel.domain()).toMatchObject({
      status: "VERIFIED",
      proofMissingSince: at(114).toISOString(),
    });
    expect(await domainActions(organizationId)).toEqual([
      "white_label.domain_set",
      "white_label.domain_verified",
      "white_label.domain_proof_missing",
      "white_label.domain_proof_restored",
      "white_label.domain_proof_missing",
    ]);
    expect(await lapseNotices(organizationId)).toHaveLength(0);
    dns.setTxt(set.verification.name, [set.verification.value]);
  });

  raceIt(
    `two instances re-checking at once lapse the domain once, with one notice per person ${RACES_NEED_POSTGRES}`,
    async () => {
      const { organizationId, set, caller } = await verifiedDomain("race.lapse-school.com");
      const start = h.clock.now();
      const at = (hours: number) => new Date(start.getTime() + hours * HOUR);
      dns.remove(set.verification.name);
      await runDomainRecheck(h.deps, at(24));
      const second = await h.secondInstance();
      try {
        const when = at(24 + DOMAIN_LAPSE_HOURS);
        await Promise.all([
          runDomainRecheck(h.deps, when),
          runDomainRecheck(second.deps, when),
          runDomainRecheck(h.deps, when),
        ]);
      } finally {
        await second.close();
      }
      expect((await caller.whiteLabel.domain())?.status).toBe("LAPSED");
      expect(
        (await domainActions(organizationId)).filter((a) => a === "white_label.domain_lapsed"),
      ).toHaveLength(1);
      expect(await lapseNotices(organizationId)).toHaveLength(2);
    },
  );
});
