import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createOrganization } from "../src/organizations/service.ts";
import { setCustomDomain } from "../src/white-label/domains.ts";
import { createTestHarness, errorCode, type TestHarness } from "./harness.ts";

let h: TestHarness;
beforeAll(async () => {
  h = await createTestHarness();
});
afterAll(() => h.close());

const HOUR = 3_600_000;

/** Report usage for an organisation through its own usage:write key, as its platform would. */
const reportUsage = async (
  organizationId: string,
  events: { metric: "ACTIVE_USERS" | "COURSES"; value: number; idempotencyKey: string }[],
) => {
  const staff = await h.caller("staffAdmin");
  const key = await staff.apiKeys.create({ organizationId, name: "platform", scopes: ["usage:write"] });
  await (await h.callerWithApiKey(key.key)).usage.trackBatch({ events });
};

describe("organisation health", () => {
  it("flags a licensed organisation that never reported usage, then grades it A once it has", async () => {
    const { organization } = await h.newLicensedOrganization("PROFESSIONAL");
    const staff = await h.caller("staffViewer");
    expect(await staff.organizations.health({ organizationId: organization.id })).toMatchObject({
      grade: "B",
      score: 85,
      reasons: [
        { code: "NO_USAGE_DATA", severity: "WARNING", area: "USAGE", message: "No usage reported yet" },
      ],
    });
    await reportUsage(organization.id, [{ metric: "ACTIVE_USERS", value: 0, idempotencyKey: "health-zero" }]);
    const health = await staff.organizations.health({ organizationId: organization.id });
    expect(health).toMatchObject({
      organization: { id: organization.id, name: organization.name },
      grade: "A",
      score: 100,
      reasons: [],
      license: { tier: "PROFESSIONAL", status: "ACTIVE" },
      usage: { tier: "PROFESSIONAL", metrics: { ACTIVE_USERS: { used: 0, limit: 500, status: "OK" } } },
      tickets: { open: 0, breached: 0, atRisk: 0 },
      alerts: { unacknowledged: 0 },
      whiteLabel: { domain: null, sso: null, api: { enabled: true } },
    });
    expect(health.audit?.map((event) => event.action)).toContain("license.activated");
  });

  it("takes points off for usage over the limit, a breached SLA and an open critical ticket, with reasons", async () => {
    const { organization } = await h.newLicensedOrganization("STARTER");
    const staff = await h.caller("staffAdmin");
    await reportUsage(organization.id, [
      { metric: "ACTIVE_USERS", value: 120, idempotencyKey: "health-users" },
      { metric: "COURSES", value: 9, idempotencyKey: "health-courses" },
    ]);
    await h.newTicket(organization.id, "CRITICAL");
    h.clock.advance(2 * HOUR); // past the 1 h first-response target
    try {
      const health = await staff.organizations.health({ organizationId: organization.id });
      expect(health.reasons.map((reason) => [reason.code, reason.severity])).toEqual([
        ["USAGE_EXCEEDED", "CRITICAL"],
        ["SLA_BREACHED", "CRITICAL"],
        ["USAGE_WARNING", "WARNING"],
        ["CRITICAL_TICKETS_OPEN", "WARNING"],
      ]);
      expect(health).toMatchObject({ score: 0, grade: "D" });
      expect(health.reasons.map((reason) => reason.message)).toEqual([
        "Over the limit: Active users at 120 % of the limit",
        "1 open ticket past the SLA",
        "Near the limit: Courses at 90 % of the limit",
        "1 critical ticket open",
      ]);
      expect(health.tickets).toMatchObject({ open: 1, breached: 1, openByPriority: { CRITICAL: 1 } });
      expect(health.tickets.oldestDue).toHaveLength(1);
      // 80 % and 100 % of active users, 80 % of courses
      expect(health.alerts.unacknowledged).toBe(3);
    } finally {
      h.clock.advance(-2 * HOUR);
    }
  });

  it("grades an organisation without a license D, whatever else is true", async () => {
    const organization = await createOrganization(h.system, {
      name: "Unlicensed",
      slug: "unlicensed",
      contactName: "Una",
      contactEmail: "una@unlicensed.test",
      metadata: {},
    });
    const health = await (await h.caller("staffSupport")).organizations.health({
      organizationId: organization.id,
    });
    expect(health).toMatchObject({
      grade: "D",
      score: 49,
      license: null,
      reasons: [{ code: "NO_LICENSE", severity: "CRITICAL", message: "No license" }],
    });
    expect(health.usage.licenseId).toBeNull();
  });

  it("grades a suspended license D", async () => {
    const { organization } = await h.newLicensedOrganization("PROFESSIONAL", "SUSPENDED");
    const health = await (await h.caller("staffSupport")).organizations.health({
      organizationId: organization.id,
    });
    // Capped at the best D, and the missing usage still counts below that.
    expect(health).toMatchObject({ grade: "D", score: 45 });
    expect(health.reasons.map((reason) => [reason.code, reason.message])).toEqual([
      ["LICENSE_NOT_ACTIVE", "License is suspended"],
      ["NO_USAGE_DATA", "No usage reported yet"],
    ]);
  });

  it("shows an unverified custom domain as pending for 72 hours, then as failed", async () => {
    const { organization } = await h.newLicensedOrganization("PROFESSIONAL");
    await reportUsage(organization.id, [{ metric: "COURSES", value: 1, idempotencyKey: "health-domain" }]);
    await setCustomDomain(h.system, h.deps, organization.id, {
      hostname: "learn.health-pending.example.com",
    });
    const staff = await h.caller("staffSupport");
    const health = () => staff.organizations.health({ organizationId: organization.id });
    expect(await health()).toMatchObject({
      grade: "A",
      score: 100,
      reasons: [{ code: "DOMAIN_PENDING", severity: "INFO", area: "WHITE_LABEL" }],
    });
    h.clock.advance(72 * HOUR);
    try {
      expect(await health()).toMatchObject({
        score: 85,
        reasons: [
          {
            code: "DOMAIN_FAILED",
            severity: "WARNING",
            message:
              "Custom domain learn.health-pending.example.com failed verification: not verified within 72 hours",
          },
        ],
      });
    } finally {
      h.clock.advance(-72 * HOUR);
    }
  });

  it("shows customers their own organisation only, and the audit trail to its admins only", async () => {
    const owner = await h.caller("ownerA");
    const own = await owner.organizations.myHealth();
    expect(own.organization.id).toBe(h.orgA.id);
    expect(own.license?.id).toBe(h.licenseA.id);
    expect(own.audit?.length).toBeGreaterThan(0);
    expect(own.audit?.every((event) => event.organizationId === h.orgA.id)).toBe(true);
    const member = await (await h.caller("memberA")).organizations.myHealth();
    expect(member.organization.id).toBe(h.orgA.id);
    expect(member.audit).toBeNull();
    const other = await (await h.caller("ownerB")).organizations.myHealth();
    expect(other.organization.id).toBe(h.orgB.id);
    expect(JSON.stringify(other)).not.toContain(h.orgA.id);
  });

  it("answers NOT_FOUND for an organisation that does not exist", async () => {
    const staff = await h.caller("staffAdmin");
    expect(
      await errorCode(staff.organizations.health({ organizationId: "00000000-0000-4000-8000-000000000000" })),
    ).toBe("NOT_FOUND");
  });
});
