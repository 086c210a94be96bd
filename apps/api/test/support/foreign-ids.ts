import { brandingAssets, scimTokens, ssoConnectionTests, ssoDomains } from "@tessera/db/schema";
import { createApiKey } from "../../src/api-keys/service.ts";
import type { TestHarness } from "../harness.ts";
import { newInvitation } from "./invitation-fixtures.ts";

type Victim = "A" | "B";
let claims = 0;

let scimTokenRows = 0;
/** A SCIM token row of the organisation, written straight to the table: B's tier does not include SSO. */
export const scimTokenOf = async (h: TestHarness, organizationId: string) => {
  const [row] = await h.db
    .insert(scimTokens)
    .values({
      organizationId,
      name: "fixture",
      prefix: "scim_fixture",
      tokenHash: `fixture-${scimTokenRows++}`,
    })
    .returning({ id: scimTokens.id });
  return row?.id ?? "";
};

/** A user of the organisation (ownerB is B's only one). */
const userOf = (h: TestHarness, victim: Victim) => (victim === "A" ? h.userIds.memberA : h.userIds.ownerB);

/**
 * For every id-shaped input field a customer procedure takes, a fresh row of the victim
 * organisation with that kind of id. A new field without a fixture fails loudly, so the
 * tenant-precedence cases keep up with the router.
 */
const FIXTURES: Record<string, (h: TestHarness, victim: Victim) => Promise<string> | string> = {
  organizationId: (h, victim) => (victim === "A" ? h.orgA.id : h.orgB.id),
  licenseId: (h, victim) => (victim === "A" ? h.licenseA.id : h.licenseB.id),
  userId: userOf,
  actorId: userOf,
  assigneeId: userOf,
  ticketId: (h, victim) => h.newTicket(victim === "A" ? h.orgA.id : h.orgB.id),
  alertId: (h, victim) => h.newAlert(victim === "A" ? h.orgA.id : h.orgB.id),
  customizationId: (h, victim) => h.newCustomization(victim === "A" ? h.orgA.id : h.orgB.id),
  integrationId: (h, victim) => h.newCustomization(victim === "A" ? h.orgA.id : h.orgB.id, "INTEGRATION"),
  deliveryId: async (h, victim) => (await h.newDelivery(victim === "A" ? h.orgA.id : h.orgB.id)).deliveryId,
  apiKeyId: async (h, victim) =>
    (
      await createApiKey(h.system, {
        organizationId: victim === "A" ? h.orgA.id : h.orgB.id,
        name: "victim's key",
        scopes: ["usage:write"],
      })
    ).id,
  scimTokenId: (h, victim) => scimTokenOf(h, victim === "A" ? h.orgA.id : h.orgB.id),
  testId: async (h, victim) => {
    const now = new Date();
    const [row] = await h.db
      .insert(ssoConnectionTests)
      .values({
        organizationId: victim === "A" ? h.orgA.id : h.orgB.id,
        startedBy: userOf(h, victim),
        startedByRole: victim === "A" ? "MEMBER" : "OWNER",
        settingsFingerprint: "fixture",
        protocol: "OIDC",
        startedAt: now,
        expiresAt: now,
      })
      .returning({ id: ssoConnectionTests.id });
    return row?.id ?? "";
  },
  invitationId: async (h, victim) => (await newInvitation(h, victim === "A" ? h.orgA.id : h.orgB.id)).id,
  // Written straight to the tables: B's tier may not include SSO, and the upload path is tested elsewhere.
  ssoDomainId: async (h, victim) => {
    const [row] = await h.db
      .insert(ssoDomains)
      .values({
        organizationId: victim === "A" ? h.orgA.id : h.orgB.id,
        domain: `victim-${victim.toLowerCase()}-${claims++}.example.com`,
        token: "fixture-token",
      })
      .returning({ id: ssoDomains.id });
    return row?.id ?? "";
  },
  logoAssetId: async (h, victim) => {
    const [row] = await h.db
      .insert(brandingAssets)
      .values({
        organizationId: victim === "A" ? h.orgA.id : h.orgB.id,
        contentType: "image/png",
        dataBase64: "AA==",
        sha256: "fixture",
        sizeBytes: 1,
      })
      .returning({ id: brandingAssets.id });
    return row?.id ?? "";
  },
};

/** The victim organisation's ids for each of `fields`, plus its `organizationId` whether the schema takes one or not. */
export const foreignIds = async (h: TestHarness, victim: Victim, fields: string[]) => {
  const ids: Record<string, string> = {};
  for (const field of new Set(["organizationId", ...fields])) {
    const fixture = FIXTURES[field];
    if (!fixture) throw new Error(`no fixture for id field ${field}: add one to test/support/foreign-ids.ts`);
    ids[field] = await fixture(h, victim);
  }
  return ids;
};
