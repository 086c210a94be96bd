import { randomBytes } from "node:crypto";
import { CreateLicenseInput, TrackUsageInput } from "@tessera/domain";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runBillingSync } from "../../../packages/sdk/examples/billing-sync.ts";
import { createApiKey } from "../src/api-keys/service.ts";
import { type RunningApp, startApp } from "../src/app.ts";
import { loadConfig } from "../src/config.ts";
import { createLicense } from "../src/licenses/create.ts";
import { activateLicense } from "../src/licenses/lifecycle.ts";
import { createOrganization } from "../src/organizations/service.ts";
import { ingestUsage } from "../src/usage/ingest.ts";
import { openTestDatabase } from "./database.ts";

/**
 * The SDK's billing-sync example (packages/sdk/examples/billing-sync.ts) against a live server:
 * its paths, key scopes and shapes are the ones the API serves, and this package's typecheck
 * checks it against the generated types.
 */
const DAY_MS = 86_400_000;
let app: RunningApp;
let apiKey = "";
const organizationIds: string[] = [];

beforeAll(async () => {
  const config = loadConfig({
    LOG_LEVEL: "silent",
    PORT: "0",
    DATA_DIR: "/tmp/tessera-sdk-example-test",
    SEED_DEMO: "false",
    ENCRYPTION_KEY: randomBytes(32).toString("base64"),
  });
  app = await startApp(config, { dbHandle: await openTestDatabase(), jobs: false });
  const system = { db: app.deps.db, clock: app.deps.clock, actor: null, ip: null };
  apiKey = (
    await createApiKey(system, {
      organizationId: null,
      name: "billing sync",
      scopes: ["licenses:read", "licenses:write", "usage:read"],
    })
  ).key;
  for (const slug of ["sdk-overdue", "sdk-paid"]) {
    const organization = await createOrganization(system, {
      name: slug,
      slug,
      contactName: "B",
      contactEmail: `b@${slug}.test`,
      metadata: {},
    });
    const input = CreateLicenseInput.parse({ organizationId: organization.id, tier: "PROFESSIONAL" });
    const { license } = await createLicense(system, input);
    await activateLicense(system, license.id);
    const event = TrackUsageInput.parse({ metric: "API_CALLS", value: 42, idempotencyKey: `${slug}-1` });
    await ingestUsage(system, organization.id, [event]);
    organizationIds.push(organization.id);
  }
}, 60_000);
afterAll(() => app?.close());

const sync = (organizationId: string, unpaidInvoiceDueAt: Date | null) => {
  const now = app.deps.clock.now();
  return runBillingSync({ baseUrl: `${app.url}/api`, apiKey, organizationId, now, unpaidInvoiceDueAt });
};

describe("SDK example: billing sync", () => {
  it("suspends the license of an organisation whose invoice is overdue and reads its month's usage", async () => {
    const now = app.deps.clock.now();
    const result = await sync(organizationIds[0] ?? "", new Date(now.getTime() - 30 * DAY_MS));
    expect(result.suspended).toBe(true);
    expect(result.license.status).toBe("SUSPENDED");
    expect(result.license.suspendedReason).toMatch(/^Invoice due \d{4}-\d{2}-\d{2} unpaid$/);
    const month = now.toISOString().slice(0, 7);
    expect(result.usage.from).toContain(month);
    expect(result.usage.totals.API_CALLS).toBe(42);
  });

  it("leaves a paid-up organisation's license active", async () => {
    const result = await sync(organizationIds[1] ?? "", null);
    expect(result.suspended).toBe(false);
    expect(result.license.status).toBe("ACTIVE");
    expect(result.usage.totals.API_CALLS).toBe(42);
  });
});
