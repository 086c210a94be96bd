import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import {
  auditEvents,
  brandingAssets,
  licenseReminders,
  licenses,
  ticketSlaEvents,
  usageEvents,
} from "@tessera/db/schema";
import { and, count, eq, like } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApiKey } from "../src/api-keys/service.ts";
import { JOBS } from "../src/jobs/scheduler.ts";
import { createRequestContext } from "../src/request-context.ts";
import { appRouter } from "../src/router.ts";
import { addMember } from "../src/team/service.ts";
import { createCallerFactory } from "../src/trpc.ts";
import { createTestHarness, TEST_PASSWORD, type TestHarness } from "./harness.ts";
import { RACES_NEED_POSTGRES, raceIt } from "./races-need-postgres.ts";
import { startDnsServer, type TestDnsServer } from "./support/dns-server.ts";

/**
 * Two API instances on one database, each running every background job at the same moment:
 * each effect (expiry, reminder, SLA breach, domain verification, webhook delivery) happens
 * once; and the same usage events sent to both are recorded once.
 */
let h: TestHarness;
let second: Awaited<ReturnType<TestHarness["secondInstance"]>>;
let dns: TestDnsServer;
let receiver: Server;
let receiverUrl = "";
const received: string[] = [];

beforeAll(async () => {
  dns = await startDnsServer();
  receiver = createServer(async (req, res) => {
    let body = "";
    for await (const chunk of req) body += chunk;
    received.push(body);
    res.end("ok");
  });
  await new Promise<void>((resolve) => receiver.listen(0, "127.0.0.1", resolve));
  receiverUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hook`;
  h = await createTestHarness({
    RATE_LIMIT_STORE: "postgres",
    DNS_RESOLVER: dns.address,
    ALLOW_INSECURE_LOOPBACK: "true",
  });
  second = await h.secondInstance();
});
afterAll(async () => {
  await second.close();
  await h.close();
  await dns.close();
  await new Promise<void>((resolve) => receiver.close(() => resolve()));
});

const createCaller = createCallerFactory(appRouter);
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

const ownerOf = async (organizationId: string, email: string) => {
  const user = await addMember(h.system, organizationId, {
    name: "Owner",
    email,
    password: TEST_PASSWORD,
    role: "OWNER",
  });
  return h.callerWithToken(await h.sessionToken(user.id));
};

/** Set up one due effect of every job, run the jobs with `runJobs`, and check each happened once. */
const everyEffectOnce = async (slug: string, runJobs: (later: Date) => Promise<unknown>) => {
  const now = h.clock.now();
  // expiry and a 7-day reminder
  const expiring = await h.newLicensedOrganization("STARTER");
  const reminded = await h.newLicensedOrganization("STARTER");
  await h.db
    .update(licenses)
    .set({ expiresAt: new Date(now.getTime() + HOUR), autoRenew: false })
    .where(eq(licenses.id, expiring.license.id));
  await h.db
    .update(licenses)
    .set({ expiresAt: new Date(now.getTime() + 6 * DAY), autoRenew: false })
    .where(eq(licenses.id, reminded.license.id));
  // a CRITICAL ticket whose first response is due in an hour
  const enterprise = await h.newLicensedOrganization("ENTERPRISE");
  const enterpriseOwner = await ownerOf(enterprise.organization.id, `owner@jobs-enterprise-${slug}.test`);
  await enterpriseOwner.whiteLabel.createIntegration({
    name: "Hook",
    url: receiverUrl,
    events: ["ticket.created"],
  });
  const ticketId = await h.newTicket(enterprise.organization.id, "CRITICAL");
  // a custom domain whose TXT record is in place
  const professional = await h.newLicensedOrganization("PROFESSIONAL");
  const professionalOwner = await ownerOf(
    professional.organization.id,
    `owner@jobs-professional-${slug}.test`,
  );
  const domain = await professionalOwner.whiteLabel.setCustomDomain({
    hostname: `learn-${slug}.two-instances.com`,
  });
  dns.setTxt(domain.verification.name, [domain.verification.value]);
  // an uploaded logo that no branding uses, past the grace period by the time the jobs run
  const logo = await professionalOwner.whiteLabel.uploadLogo({
    contentType: "image/png",
    dataBase64:
      "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==",
  });
  await h.db
    .update(brandingAssets)
    .set({ createdAt: new Date(now.getTime() - 23 * HOUR) })
    .where(eq(brandingAssets.id, logo.id));

  const later = new Date(now.getTime() + 2 * HOUR);
  h.clock.set(later);
  try {
    await runJobs(later);
  } finally {
    h.clock.set(now);
  }

  const audits = async (targetId: string, action: string) =>
    (
      await h.db
        .select({ n: count() })
        .from(auditEvents)
        .where(and(eq(auditEvents.targetId, targetId), like(auditEvents.action, action)))
    )[0]?.n;
  expect(await audits(expiring.license.id, "license.expired")).toBe(1);
  expect(
    await h.db.select().from(licenseReminders).where(eq(licenseReminders.licenseId, reminded.license.id)),
  ).toHaveLength(1);
  const breaches = await h.db.select().from(ticketSlaEvents).where(eq(ticketSlaEvents.ticketId, ticketId));
  expect(breaches.filter((event) => event.kind === "BREACHED")).toHaveLength(1);
  expect(await audits(domain.id, "white_label.domain_verified")).toBe(1);
  expect(await audits(logo.id, "white_label.logo_collected")).toBe(1);
  expect(await h.db.select().from(brandingAssets).where(eq(brandingAssets.id, logo.id))).toHaveLength(0);
  expect(received.filter((body) => body.includes(ticketId))).toHaveLength(1);
};

describe("two instances running every job", () => {
  raceIt(`at once: each effect happens exactly once ${RACES_NEED_POSTGRES}`, () =>
    everyEffectOnce("race", (later) =>
      Promise.all(
        JOBS.flatMap((job) => [job.run(h.deps, later), job.run(second.deps, later), job.run(h.deps, later)]),
      ),
    ),
  );

  // one after another, the jobs cannot race, but a job that is not idempotent still fails here
  it("one after another: each effect happens exactly once", () =>
    everyEffectOnce("turns", async (later) => {
      for (const job of JOBS) for (const deps of [h.deps, second.deps, h.deps]) await job.run(deps, later);
    }));

  raceIt(
    `the same usage events sent to both instances at once are recorded once ${RACES_NEED_POSTGRES}`,
    async () => {
      const { organization } = await h.newLicensedOrganization("PROFESSIONAL");
      const { key } = await createApiKey(h.system, {
        organizationId: organization.id,
        name: "p",
        scopes: ["usage:write"],
      });
      const events = Array.from({ length: 50 }, (_, index) => ({
        metric: "API_CALLS" as const,
        value: 1,
        idempotencyKey: `both-${index}`,
      }));
      const onSecond = createCaller(
        await createRequestContext(second.deps, {
          authorizationHeader: `Bearer ${key}`,
          ip: "203.0.113.99",
          userAgent: "vitest-2",
          secure: false,
          cookieHeader: undefined,
          setHeader: () => {},
        }),
      );
      const results = await Promise.all([
        (await h.callerWithApiKey(key)).usage.trackBatch({ events }),
        onSecond.usage.trackBatch({ events }),
        (await h.callerWithApiKey(key)).usage.trackBatch({ events }),
      ]);
      expect(results.reduce((sum, result) => sum + result.accepted, 0)).toBe(50);
      const [stored] = await h.db
        .select({ n: count() })
        .from(usageEvents)
        .where(eq(usageEvents.organizationId, organization.id));
      expect(stored?.n).toBe(50);
    },
  );
});
