import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createOrganization } from "../src/organizations/service.ts";
import { createTestHarness, errorCode, type TestHarness } from "./harness.ts";

let h: TestHarness;
beforeAll(async () => {
  h = await createTestHarness();
});
afterAll(() => h.close());

const HOUR = 3_600_000;

describe("organisation health", () => {
  it("grades a healthy organisation A with every section filled from the database", async () => {
    const { organization } = await h.newLicensedOrganization("PROFESSIONAL");
    const staff = await h.caller("staffViewer");
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
    const key = await staff.apiKeys.create({
      organizationId: organization.id,
      name: "platform",
      scopes: ["usage:write"],
    });
    const platform = await h.callerWithApiKey(key.key);
    await platform.usage.trackBatch({
      events: [
        { metric: "ACTIVE_USERS", value: 120, idempotencyKey: "health-users" },
        { metric: "COURSES", value: 9, idempotencyKey: "health-courses" },
      ],
    });
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
      expect(health.reasons[0]?.message).toBe("Over the limit: ACTIVE_USERS 120 %");
      expect(health.tickets).toMatchObject({ open: 1, breached: 1, openByPriority: { CRITICAL: 1 } });
      expect(health.tickets.oldestDue).toHaveLength(1);
      // 80 % and 100 % of active users, 80 % of courses
      expect(health.alerts.unacknowledged).toBe(3);
    } finally {
      h.clock.advance(-2 * HOUR);
    }
  });

  it("grades an organisation without a license as critical", async () => {
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
    expect(health).toMatchObject({ grade: "C", license: null, reasons: [{ code: "NO_LICENSE" }] });
    expect(health.usage.licenseId).toBeNull();
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
