import type { Database } from "@tessera/db";
import { customizations, licenseOverages, licenses, organizations } from "@tessera/db/schema";
import {
  type CheckLicenseInput,
  customizationGate,
  type Entitlements,
  effectiveStatus,
  entitlementsFor,
  type Feature,
  keyOpensLicense,
  type Limits,
  type Metric,
  type OveragePolicies,
  overSinceAt,
  requireLicenseKey,
  type ValidateLicenseInput,
  validationVerdict,
} from "@tessera/domain";
import { eq, or, sql } from "drizzle-orm";
import type { z } from "zod";
import { sha256 } from "../auth/tokens.ts";
import type { AppDeps } from "../context.ts";
import { currentUsage } from "../usage/current-usage.ts";
import { VALIDATED_LICENSE_COLUMNS, type ValidatedLicenseColumn } from "./validation-cache.ts";

const statements = new WeakMap<Database, ReturnType<typeof prepareLookup>>();

/** What a validation reads: the license's columns it uses, its organisation and feature toggles. */
export const validationColumns = () => ({
  license: Object.fromEntries(VALIDATED_LICENSE_COLUMNS.map((name) => [name, licenses[name]])) as Pick<
    typeof licenses,
    ValidatedLicenseColumn
  >,
  organizationName: organizations.name,
  organizationSlug: organizations.slug,
  // The organisation's feature toggles ride along: one query still answers validation.
  flags: sql<Record<string, boolean> | null>`(
    select jsonb_object_agg(${customizations.key}, (${customizations.value}->>'enabled')::boolean)
    from ${customizations}
    where ${customizations.organizationId} = ${licenses.organizationId} and ${customizations.type} = 'FEATURE'
  )`,
  // When usage first passed each limit: cached with the lookup, and dropped with it when it changes.
  overSince: sql<Partial<Record<Metric, string>> | null>`(
    select jsonb_object_agg(${licenseOverages.metric}, ${licenseOverages.overSince})
    from ${licenseOverages} where ${licenseOverages.licenseId} = ${licenses.id}
  )`,
});

const prepareLookup = (db: Database) =>
  db
    .select(validationColumns())
    .from(licenses)
    .innerJoin(organizations, eq(organizations.id, licenses.organizationId))
    // The previous key matches too; whether its overlap still runs is judged at read time.
    .where(
      or(
        eq(licenses.keyHash, sql.placeholder("keyHash")),
        eq(licenses.previousKeyHash, sql.placeholder("keyHash")),
      ),
    )
    .prepare("license_by_key_hash");

/** The lookup by key hash, built once per database: the hot path skips query building. */
const lookupStatement = (db: Database) => {
  let statement = statements.get(db);
  if (!statement) {
    statement = prepareLookup(db);
    statements.set(db, statement);
  }
  return statement;
};

/** Feature toggles as the platform reads them: only while the tier includes them. */
export const featureFlags = (
  entitlements: Pick<Entitlements, "tier" | "features">,
  flags: Record<string, boolean> | null,
): Record<string, boolean> => (customizationGate(entitlements, "FEATURE").allowed ? (flags ?? {}) : {});

/** An unknown key: no license to describe. */
const NOT_FOUND_ANSWER = {
  valid: false,
  code: "NOT_FOUND" as const,
  license: null,
  limits: null,
  features: null,
  flags: null,
  usage: null,
  warning: null,
  graceEndsAt: null,
};

/**
 * The hot path: the platform calls this on every sign-in. A mistyped key is refused before
 * any lookup (400 naming `key`); a well-formed key costs one indexed query.
 */
/** Validate a key, counting the outcome for /metrics. */
export const checkLicenseValidity = async (
  deps: Pick<AppDeps, "db" | "clock" | "validationLimiter" | "validationCache" | "metrics">,
  input: z.output<typeof ValidateLicenseInput>,
  ip: string | null,
) => {
  const result = await validity(deps, input, ip);
  deps.metrics.validations.inc({ outcome: result.code });
  return result;
};

const validity = async (
  deps: Pick<AppDeps, "db" | "clock" | "validationLimiter" | "validationCache">,
  input: z.output<typeof ValidateLicenseInput>,
  ip: string | null,
) => {
  const key = requireLicenseKey(input.key);
  const keyHash = sha256(key);
  await deps.validationLimiter.consume(keyHash, ip);
  const now = deps.clock.now();
  let row = deps.validationCache.get(keyHash, now.getTime());
  if (!row) {
    [row] = await lookupStatement(deps.db).execute({ keyHash });
    // Unknown keys are not cached: a new license must validate the moment it exists.
    if (row) deps.validationCache.set(keyHash, row, now.getTime());
  }
  // A rotated-out key past its overlap answers like a key that never existed.
  if (!row || !keyOpensLicense(row.license, keyHash, now)) {
    await deps.validationLimiter.notFound(ip);
    return NOT_FOUND_ANSWER;
  }
  return judgeLicense(deps, row, input, now);
};

type ValidationRow = NonNullable<Awaited<ReturnType<ReturnType<typeof lookupStatement>["execute"]>>[number]>;

/**
 * The verdict on one license, however it was found (by key, or by organisation for its own
 * check): effective status, entitlements, usage when the question needs it.
 */
export const judgeLicense = async (
  deps: Pick<AppDeps, "db">,
  row: ValidationRow,
  question: z.output<typeof CheckLicenseInput>,
  now: Date,
) => {
  const { license } = row;
  const status = effectiveStatus(license, now);
  const entitlements = entitlementsFor({
    tier: license.tier,
    customLimits: license.customLimits as Limits | null,
    customFeatures: license.customFeatures as Feature[] | null,
    customOverage: license.customOverage as Partial<OveragePolicies> | null,
  });
  // Usage costs a query: read it only when the question needs it or the caller asks.
  const usage =
    question.metric || question.includeUsage ? await currentUsage(deps.db, license.id, now) : null;
  const overSince = overSinceAt(row.overSince, now);
  const { code, warning, graceEndsAt } = validationVerdict(
    status,
    entitlements,
    question,
    usage ?? {},
    overSince,
    now,
  );
  return {
    valid: code === "VALID",
    code,
    warning,
    graceEndsAt,
    license: {
      id: license.id,
      organizationId: license.organizationId,
      organizationName: row.organizationName,
      organizationSlug: row.organizationSlug,
      tier: license.tier,
      status,
      startsAt: license.startsAt,
      expiresAt: license.expiresAt,
    },
    limits: entitlements.limits,
    features: entitlements.features,
    flags: featureFlags(entitlements, row.flags),
    usage,
  };
};
