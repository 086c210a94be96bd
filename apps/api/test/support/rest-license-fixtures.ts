import { randomBytes } from "node:crypto";
import type { ApiKeyScope } from "@tessera/domain";
import { createApiKey } from "../../src/api-keys/service.ts";
import { type RunningApp, startApp } from "../../src/app.ts";
import { fixedClock } from "../../src/clock.ts";
import { loadConfig } from "../../src/config.ts";
import { createLicense } from "../../src/licenses/create.ts";
import { activateLicense } from "../../src/licenses/lifecycle.ts";
import { createOrganization } from "../../src/organizations/service.ts";
import { enableAPI } from "../../src/white-label/api-access.ts";
import { openTestDatabase } from "../database.ts";

/**
 * The app on a fresh database with a settable clock, for the REST license tests: keys of any
 * scopes, organisations, and licenses created through the services (not the API under test).
 */
export const startLicenseApp = async (name: string) => {
  const clock = fixedClock(new Date("2026-11-30T09:00:00.000Z"));
  const config = loadConfig({
    LOG_LEVEL: "silent",
    PORT: "0",
    DATA_DIR: `/tmp/tessera-${name}`,
    SEED_DEMO: "false",
    ENCRYPTION_KEY: randomBytes(32).toString("base64"),
  });
  const app: RunningApp = await startApp(config, { dbHandle: await openTestDatabase(), clock, jobs: false });
  const system = { db: app.deps.db, clock, actor: null, ip: null };
  const serviceKey = async (...scopes: ApiKeyScope[]) =>
    (await createApiKey(system, { organizationId: null, name: scopes.join(" ") || "none", scopes })).key;
  const organizationKey = async (organizationId: string, ...scopes: ApiKeyScope[]) =>
    (await createApiKey(system, { organizationId, name: "platform", scopes })).key;
  const organization = (slug: string) =>
    createOrganization(system, {
      name: `Org ${slug}`,
      slug,
      contactName: "R",
      contactEmail: `r@${slug}.test`,
      metadata: {},
    });
  /** A license for the organisation, ACTIVE unless said; API access switched on. */
  const license = async (
    organizationId: string,
    options: { tier?: "STARTER" | "PROFESSIONAL" | "ENTERPRISE"; active?: boolean; termMonths?: number } = {},
  ) => {
    const created = await createLicense(system, {
      organizationId,
      tier: options.tier ?? "STARTER",
      termMonths: options.termMonths ?? 12,
      autoRenew: false,
    });
    if (options.active === false) return created;
    const license = await activateLicense(system, created.license.id);
    await enableAPI(system, organizationId, true);
    return { license, key: created.key };
  };
  return { app, clock, system, serviceKey, organizationKey, organization, license };
};
