import { apiKeys, auditEvents, customizations } from "@tessera/db/schema";
import { ORGANIZATION_QUOTAS } from "@tessera/domain";
import { and, count, eq, isNull } from "drizzle-orm";
import { afterAll, beforeAll, expect, it } from "vitest";
import { createApiKey } from "../src/api-keys/service.ts";
import { addMember } from "../src/team/service.ts";
import { type Caller, createTestHarness, errorCode, TEST_PASSWORD, type TestHarness } from "./harness.ts";
import { RACES_NEED_POSTGRES, raceDescribe } from "./races-need-postgres.ts";

let h: TestHarness;
beforeAll(async () => {
  h = await createTestHarness();
});
afterAll(() => h.close());

let owners = 0;
/** An ENTERPRISE organisation (webhooks, flags) with a signed-in OWNER. */
const enterpriseOwner = async (): Promise<{ caller: Caller; organizationId: string }> => {
  const { organization } = await h.newLicensedOrganization("ENTERPRISE");
  const user = await addMember(h.system, organization.id, {
    name: "Racing Owner",
    email: `racer${owners++}@${organization.slug}.test`,
    password: TEST_PASSWORD,
    role: "OWNER",
  });
  return { caller: await h.callerWithToken(await h.sessionToken(user.id)), organizationId: organization.id };
};

const auditCount = async (action: string, targetId: string) => {
  const [row] = await h.db
    .select({ total: count() })
    .from(auditEvents)
    .where(and(eq(auditEvents.action, action), eq(auditEvents.targetId, targetId)));
  return row?.total ?? 0;
};

const codes = async (calls: Promise<unknown>[]) =>
  (await Promise.all(calls.map((call) => errorCode(call)))).reduce<Record<string, number>>((tally, code) => {
    tally[code] = (tally[code] ?? 0) + 1;
    return tally;
  }, {});

raceDescribe(`concurrency: a change takes effect and is audited once ${RACES_NEED_POSTGRES}`, () => {
  it("10 concurrent revocations of one key write one audit event", async () => {
    const { caller, organizationId } = await enterpriseOwner();
    const key = await createApiKey(h.system, { organizationId, name: "victim", scopes: ["usage:write"] });
    const results = await Promise.all(
      Array.from({ length: 10 }, () => caller.apiKeys.revokeMine({ apiKeyId: key.id })),
    );
    expect(new Set(results.map((result) => result.revokedAt?.toISOString())).size).toBe(1);
    expect(await auditCount("api_key.revoked", key.id)).toBe(1);
  });

  it("10 concurrent acknowledgements of one alert write one audit event", async () => {
    const caller = await h.caller("ownerA");
    const alertId = await h.newAlert(h.orgA.id);
    const results = await Promise.all(
      Array.from({ length: 10 }, () => caller.usage.acknowledgeMyAlert({ alertId })),
    );
    expect(results.every((alert) => alert.acknowledgedAt !== null)).toBe(true);
    expect(await auditCount("usage.alert_acknowledged", alertId)).toBe(1);
  });
});

raceDescribe(`concurrency: caps hold under concurrent writes ${RACES_NEED_POSTGRES}`, () => {
  it("15 concurrent webhook creations make exactly 10", async () => {
    const { caller, organizationId } = await enterpriseOwner();
    const tally = await codes(
      Array.from({ length: 15 }, (_, index) =>
        caller.whiteLabel.createIntegration({
          name: `Hook ${index}`,
          url: `https://hooks.example.com/${index}`,
          events: ["ticket.created"],
        }),
      ),
    );
    expect(tally).toEqual({ OK: 10, QUOTA_EXCEEDED: 5 });
    const [row] = await h.db
      .select({ total: count() })
      .from(customizations)
      .where(and(eq(customizations.organizationId, organizationId), eq(customizations.type, "INTEGRATION")));
    expect(row?.total).toBe(ORGANIZATION_QUOTAS.WEBHOOKS);
  });

  it("new feature flags past the cap: of 6 concurrent ones for the last free place, one is made", async () => {
    const { caller, organizationId } = await enterpriseOwner();
    await h.db.insert(customizations).values(
      Array.from({ length: ORGANIZATION_QUOTAS.FEATURE_TOGGLES - 1 }, (_, index) => ({
        organizationId,
        type: "FEATURE" as const,
        key: `filler-${index}`,
        value: { enabled: true, description: null },
      })),
    );
    const tally = await codes(
      Array.from({ length: 6 }, (_, index) =>
        caller.whiteLabel.setFeatureToggle({ key: `racer-${index}`, enabled: true }),
      ),
    );
    expect(tally).toEqual({ OK: 1, QUOTA_EXCEEDED: 5 });
    // Changing a flag that exists is never refused by the cap.
    expect(await errorCode(caller.whiteLabel.setFeatureToggle({ key: "filler-0", enabled: false }))).toBe(
      "OK",
    );
  });

  it("API keys past the cap: of 6 concurrent creations for the last free place, one is made", async () => {
    const { caller, organizationId } = await enterpriseOwner();
    await h.db.insert(apiKeys).values(
      Array.from({ length: ORGANIZATION_QUOTAS.API_KEYS - 1 }, (_, index) => ({
        organizationId,
        name: `filler ${index}`,
        prefix: `tsk_fill${String(index).padStart(4, "0")}`,
        keyHash: `filler-hash-${organizationId}-${index}`,
        scopes: ["usage:write"],
      })),
    );
    const tally = await codes(
      Array.from({ length: 6 }, (_, index) =>
        caller.apiKeys.createMine({ name: `racer ${index}`, scopes: ["usage:write"] }),
      ),
    );
    expect(tally).toEqual({ OK: 1, QUOTA_EXCEEDED: 5 });
    const [row] = await h.db
      .select({ total: count() })
      .from(apiKeys)
      .where(and(eq(apiKeys.organizationId, organizationId), isNull(apiKeys.revokedAt)));
    expect(row?.total).toBe(ORGANIZATION_QUOTAS.API_KEYS);
  });
});
