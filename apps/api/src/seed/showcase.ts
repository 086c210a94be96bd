import { licenses, organizations } from "@tessera/db/schema";
import type { Tier } from "@tessera/domain";
import { eq } from "drizzle-orm";
import type { AppDeps } from "../context.ts";
import { createLicense } from "../licenses/create.ts";
import { activateLicense, suspendLicense } from "../licenses/lifecycle.ts";
import { createOrganization } from "../organizations/service.ts";
import { addMember } from "../team/service.ts";
import { contextAt } from "./context-at.ts";
import { DEMO_PASSWORD } from "./demo.ts";
import { seedShowcaseMacros } from "./showcase-macros.ts";
import { seedShowcaseSupport } from "./showcase-support.ts";
import { seedShowcaseUsage, type UsageShape } from "./showcase-usage.ts";
import { seedShowcaseDomain, settleShowcaseDeliveries, showcaseWebhook } from "./showcase-white-label.ts";

const DAY = 86_400_000;

interface ShowcaseOrganization {
  name: string;
  slug: string;
  tier: Tier;
  owner: { name: string; email: string };
  /** Days before now the license started, and its term. */
  startedDaysAgo: number;
  termMonths: number;
  usage: UsageShape;
  suspended?: string;
}

const ORGANIZATIONS: ShowcaseOrganization[] = [
  {
    name: "Initech University",
    slug: "initech",
    tier: "ENTERPRISE",
    owner: { name: "Ina Tech", email: "owner@initech.test" },
    startedDaysAgo: 200,
    termMonths: 24,
    usage: {
      ACTIVE_USERS: [2_400, 2_900],
      COURSES: [310, 340],
      STORAGE_GIB: [420, 515],
      API_CALLS_PER_DAY: 38_000,
    },
  },
  {
    name: "Umbrella Skills",
    slug: "umbrella",
    tier: "STARTER",
    owner: { name: "Uma Brella", email: "owner@umbrella.test" },
    // a 12-month term that started 360 days ago: it expires within the week
    startedDaysAgo: 360,
    termMonths: 12,
    usage: { ACTIVE_USERS: [60, 71], COURSES: [7, 8], STORAGE_GIB: [3, 4], API_CALLS_PER_DAY: 430 },
  },
  {
    name: "Hooli Campus",
    slug: "hooli",
    tier: "PROFESSIONAL",
    owner: { name: "Hal Hooli", email: "owner@hooli.test" },
    startedDaysAgo: 120,
    termMonths: 12,
    usage: { ACTIVE_USERS: [180, 150], COURSES: [40, 41], STORAGE_GIB: [30, 31], API_CALLS_PER_DAY: 900 },
    suspended: "Invoice INV-2026-10 unpaid after three reminders",
  },
];

/** Northwind (from the core demo) climbs towards its 500 active users: alerts and a forecast. */
const NORTHWIND_USAGE: UsageShape = {
  ACTIVE_USERS: [300, 468],
  COURSES: [52, 61],
  STORAGE_GIB: [41, 57],
  API_CALLS_PER_DAY: 2_100,
};

const addShowcaseOrganization = async (
  deps: AppDeps,
  spec: ShowcaseOrganization,
  managerId: string | null,
) => {
  const now = deps.clock.now();
  const started = new Date(now.getTime() - spec.startedDaysAgo * DAY);
  const ctx = contextAt(deps, started);
  const organization = await createOrganization(ctx, {
    name: spec.name,
    slug: spec.slug,
    contactName: spec.owner.name,
    contactEmail: spec.owner.email,
    contactPhone: null,
    billingAddress: null,
    metadata: {},
    accountManagerId: managerId,
  });
  const owner = await addMember(ctx, organization.id, {
    ...spec.owner,
    password: DEMO_PASSWORD,
    role: "OWNER",
  });
  const { license } = await createLicense(ctx, {
    organizationId: organization.id,
    tier: spec.tier,
    termMonths: spec.termMonths,
    autoRenew: false,
  });
  await activateLicense(ctx, license.id);
  return { organizationId: organization.id, ownerId: owner.id, licenseId: license.id };
};

/**
 * The showcase `pnpm start` adds to the core demo: organisations across tiers and states (one
 * near a limit, one expiring, one suspended), 60 days of usage with the alerts it raised,
 * tickets in every state with replies, a verified custom domain and a webhook with deliveries.
 * Everything goes through the services, with the clock set to when it happened.
 */
export const seedShowcase = async (deps: AppDeps): Promise<void> => {
  const [northwind] = await deps.db
    .select({ id: organizations.id, managerId: organizations.accountManagerId, licenseId: licenses.id })
    .from(organizations)
    .innerJoin(licenses, eq(licenses.organizationId, organizations.id))
    .where(eq(organizations.slug, "northwind"));
  if (!northwind) return;
  const added = [];
  for (const spec of ORGANIZATIONS)
    added.push(await addShowcaseOrganization(deps, spec, northwind.managerId));
  await seedShowcaseUsage(deps, northwind.id, NORTHWIND_USAGE);
  for (const [index, spec] of ORGANIZATIONS.entries()) {
    const organization = added[index];
    if (organization) await seedShowcaseUsage(deps, organization.organizationId, spec.usage);
  }
  const enterpriseId = added[0]?.organizationId;
  await seedShowcaseDomain(deps, northwind.id);
  const webhookId = enterpriseId ? await showcaseWebhook(deps, enterpriseId) : null;
  await seedShowcaseMacros(deps);
  await seedShowcaseSupport(deps);
  if (webhookId) await settleShowcaseDeliveries(deps, webhookId);
  // suspended last: its history (usage, tickets) came first, as it would have
  for (const [index, spec] of ORGANIZATIONS.entries()) {
    const licenseId = added[index]?.licenseId;
    if (spec.suspended && licenseId)
      await suspendLicense(contextAt(deps, deps.clock.now()), licenseId, spec.suspended);
  }
};
