import { randomBytes } from "node:crypto";
import { constraintName, sqlState, UNIQUE_VIOLATION } from "@tessera/db";
import { licenses, organizations } from "@tessera/db/schema";
import {
  type CreateLicenseInput,
  DEFAULT_TOKEN_TTL_DAYS,
  DomainError,
  daysUntilExpiry,
  effectiveStatus,
  entitlementsFor,
  type Feature,
  IN_FORCE_STATUSES,
  keyLast4,
  LICENSE_STATUSES,
  type LicenseAction,
  type LicenseStatus,
  type Limits,
  type ListLicensesInput,
  licenseKeyFromBytes,
  licenseTrend,
  nextLicenseState,
  pageOffset,
  TIERS,
  type Tier,
  toPage,
  trendMonths,
} from "@tessera/domain";
import { and, asc, count, desc, eq, gt, ilike, lte, or, type SQL, sql } from "drizzle-orm";
import type { z } from "zod";
import { sha256 } from "../auth/tokens.ts";
import type { ServiceContext } from "../context.ts";
import { diff } from "../events/domain-event.ts";
import { recordEvent } from "../events/record-event.ts";
import { licenseChanged } from "./validation-cache.ts";

type LicenseRow = typeof licenses.$inferSelect;

/** A new key, shown once; we keep its hash and last four characters. */
export const newLicenseKey = () => {
  const key = licenseKeyFromBytes(randomBytes(16));
  return { key, keyHash: sha256(key), keyLast4: keyLast4(key) };
};

/** A license as callers see it: effective status and entitlements, never the key hash. */
export const licenseView = (row: LicenseRow, now: Date, organizationName?: string) => {
  const { keyHash: _keyHash, customLimits, customFeatures, ...rest } = row;
  const entitlements = entitlementsFor({
    tier: row.tier,
    customLimits: customLimits as Limits | null,
    customFeatures: customFeatures as Feature[] | null,
    customSupportResponseCapHours: row.supportResponseCapHours,
    customMonthlyPriceCents: row.monthlyPriceCents,
  });
  const status = effectiveStatus(row, now);
  return {
    ...rest,
    ...(organizationName === undefined ? {} : { organizationName }),
    storedStatus: row.status,
    status,
    keyHint: `…${row.keyLast4}`,
    entitlements,
    daysUntilExpiry: row.expiresAt ? daysUntilExpiry(row.expiresAt, now) : null,
  };
};
export type LicenseView = ReturnType<typeof licenseView>;

const inForce = (error: unknown) =>
  sqlState(error) === UNIQUE_VIOLATION && constraintName(error) === "licenses_one_in_force_per_organization";

const IN_FORCE_ERROR = () =>
  new DomainError(
    "LICENSE_IN_FORCE",
    "This organisation already has a license in force (pending, active or suspended); cancel it first",
    { field: "organizationId" },
  );

/** A snapshot for the audit log: what matters of a license, no key material. */
const auditSnapshot = (row: LicenseRow) => {
  const { keyHash: _keyHash, createdAt: _createdAt, updatedAt: _updatedAt, ...rest } = row;
  return rest;
};

export const createLicense = async (ctx: ServiceContext, input: z.output<typeof CreateLicenseInput>) => {
  const now = ctx.clock.now();
  const { key, keyHash, keyLast4: last4 } = newLicenseKey();
  try {
    const row = await ctx.db.transaction(async (tx) => {
      const [organization] = await tx
        .select({ id: organizations.id })
        .from(organizations)
        .where(eq(organizations.id, input.organizationId));
      if (!organization)
        throw new DomainError("NOT_FOUND", "Organisation not found", { field: "organizationId" });
      const custom = input.tier === "CUSTOM";
      const [created] = await tx
        .insert(licenses)
        .values({
          organizationId: input.organizationId,
          tier: input.tier,
          status: "PENDING",
          termMonths: input.termMonths,
          autoRenew: input.autoRenew,
          tokenTtlDays: input.tokenTtlDays ?? DEFAULT_TOKEN_TTL_DAYS,
          startsAt: input.startsAt ?? null,
          expiresAt: input.expiresAt ?? null,
          customLimits: custom ? (input.customLimits ?? null) : null,
          customFeatures: custom ? (input.customFeatures ?? []) : null,
          supportResponseCapHours: custom ? (input.supportResponseCapHours ?? null) : null,
          monthlyPriceCents: custom ? (input.monthlyPriceCents ?? null) : null,
          whiteLabel: entitlementsFor({
            tier: input.tier,
            customFeatures: input.customFeatures,
          }).features.includes("CUSTOM_DOMAIN"),
          keyHash,
          keyLast4: last4,
          createdAt: now,
          updatedAt: now,
        })
        .returning();
      if (!created) throw new Error("insert returned no row");
      await recordEvent(tx, ctx, {
        action: "license.created",
        organizationId: created.organizationId,
        targetType: "license",
        targetId: created.id,
        after: auditSnapshot(created),
      });
      return created;
    });
    return { license: licenseView(row, now), key };
  } catch (error) {
    if (inForce(error)) throw IN_FORCE_ERROR();
    throw error;
  }
};

/**
 * Load a license. `scopeOrganizationId` is the tenant filter for customers: a license of
 * another organisation is NOT_FOUND.
 */
export const findLicense = async (
  ctx: Pick<ServiceContext, "db">,
  licenseId: string,
  scopeOrganizationId?: string,
) => {
  const [row] = await ctx.db
    .select()
    .from(licenses)
    .where(
      scopeOrganizationId
        ? and(eq(licenses.id, licenseId), eq(licenses.organizationId, scopeOrganizationId))
        : eq(licenses.id, licenseId),
    );
  if (!row) throw new DomainError("NOT_FOUND", "License not found", { field: "licenseId" });
  return row;
};

export const getLicense = async (ctx: ServiceContext, licenseId: string, scopeOrganizationId?: string) => {
  const row = await findLicense(ctx, licenseId, scopeOrganizationId);
  const [organization] = await ctx.db
    .select({ name: organizations.name })
    .from(organizations)
    .where(eq(organizations.id, row.organizationId));
  return licenseView(row, ctx.clock.now(), organization?.name ?? "");
};

/** The organisation's license in force (else its latest), and its history, newest first. */
export const getLicenseByOrganization = async (ctx: ServiceContext, organizationId: string) => {
  const rows = await ctx.db
    .select()
    .from(licenses)
    .where(eq(licenses.organizationId, organizationId))
    .orderBy(desc(licenses.createdAt));
  const now = ctx.clock.now();
  const current =
    rows.find((row) => (IN_FORCE_STATUSES as readonly string[]).includes(row.status)) ?? rows[0] ?? null;
  return {
    current: current ? licenseView(current, now) : null,
    history: rows.map((row) => licenseView(row, now)),
  };
};

const ACTION_AUDIT: Record<LicenseAction, string> = {
  activate: "license.activated",
  suspend: "license.suspended",
  reinstate: "license.reinstated",
  expire: "license.expired",
  renew: "license.renewed",
  cancel: "license.cancelled",
};

/**
 * Apply a lifecycle action once. The update is conditional on the version read, so of two
 * concurrent calls one wins and the other gets STALE_VERSION (or the transition error the new
 * state implies) — a retried or doubled click never renews twice.
 */
export const transitionLicense = async (
  ctx: ServiceContext,
  licenseId: string,
  action: LicenseAction,
  options: {
    reason?: string;
    termMonths?: number;
    expectedVersion?: number;
    scopeOrganizationId?: string;
  } = {},
) => {
  const now = ctx.clock.now();
  try {
    const updated = await ctx.db.transaction(async (tx) => {
      const current = await findLicense({ db: tx }, licenseId, options.scopeOrganizationId);
      if (options.expectedVersion !== undefined && options.expectedVersion !== current.version) {
        throw new DomainError(
          "STALE_VERSION",
          `The license is at version ${current.version}, not ${options.expectedVersion}: it changed since you loaded it`,
          { field: "expectedVersion", currentVersion: current.version },
        );
      }
      const termMonths = options.termMonths ?? current.termMonths;
      const transition = nextLicenseState({ ...current, termMonths }, action, now, options.reason);
      const [row] = await tx
        .update(licenses)
        .set({ ...transition.patch, termMonths, version: sql`${licenses.version} + 1`, updatedAt: now })
        .where(and(eq(licenses.id, licenseId), eq(licenses.version, current.version)))
        .returning();
      if (!row) {
        throw new DomainError(
          "STALE_VERSION",
          "The license changed at the same time; reload it and try again",
          {
            field: "licenseId",
          },
        );
      }
      await licenseChanged(tx, ctx.licenseCache, row.id);
      await recordEvent(tx, ctx, {
        action: ACTION_AUDIT[action],
        organizationId: row.organizationId,
        targetType: "license",
        targetId: row.id,
        ...diff(auditSnapshot(current), auditSnapshot(row)),
      });
      return row;
    });
    return licenseView(updated, now);
  } catch (error) {
    if (inForce(error)) throw IN_FORCE_ERROR();
    throw error;
  }
};

type ActionOptions = { expectedVersion?: number | undefined };
const versionOption = (options: ActionOptions) =>
  options.expectedVersion === undefined ? {} : { expectedVersion: options.expectedVersion };

export const activateLicense = (ctx: ServiceContext, licenseId: string, options: ActionOptions = {}) =>
  transitionLicense(ctx, licenseId, "activate", versionOption(options));
export const suspendLicense = (
  ctx: ServiceContext,
  licenseId: string,
  reason: string,
  options: ActionOptions = {},
) => transitionLicense(ctx, licenseId, "suspend", { reason, ...versionOption(options) });
export const reinstateLicense = (ctx: ServiceContext, licenseId: string, options: ActionOptions = {}) =>
  transitionLicense(ctx, licenseId, "reinstate", versionOption(options));
export const cancelLicense = (
  ctx: ServiceContext,
  licenseId: string,
  reason: string,
  options: ActionOptions = {},
) => transitionLicense(ctx, licenseId, "cancel", { reason, ...versionOption(options) });
export const renewLicense = (
  ctx: ServiceContext,
  licenseId: string,
  options: ActionOptions & { termMonths?: number | undefined } = {},
) =>
  transitionLicense(ctx, licenseId, "renew", {
    ...versionOption(options),
    ...(options.termMonths === undefined ? {} : { termMonths: options.termMonths }),
  });

export const updateLicenseSettings = async (
  ctx: ServiceContext,
  licenseId: string,
  patch: {
    autoRenew?: boolean | undefined;
    termMonths?: number | undefined;
    tokenTtlDays?: number | undefined;
  },
) => {
  const now = ctx.clock.now();
  const row = await ctx.db.transaction(async (tx) => {
    const current = await findLicense({ db: tx }, licenseId);
    const defined = Object.fromEntries(Object.entries(patch).filter(([, value]) => value !== undefined));
    const [updated] = await tx
      .update(licenses)
      .set({ ...defined, version: sql`${licenses.version} + 1`, updatedAt: now })
      .where(and(eq(licenses.id, licenseId), eq(licenses.version, current.version)))
      .returning();
    if (!updated) throw new DomainError("STALE_VERSION", "The license changed at the same time; try again");
    await licenseChanged(tx, ctx.licenseCache, licenseId);
    await recordEvent(tx, ctx, {
      action: "license.settings_changed",
      organizationId: updated.organizationId,
      targetType: "license",
      targetId: licenseId,
      ...diff(auditSnapshot(current), auditSnapshot(updated)),
    });
    return updated;
  });
  return licenseView(row, now);
};

/** A new key for the license; the old one stops validating at once. Shown once. */
export const rotateLicenseKey = async (
  ctx: ServiceContext,
  licenseId: string,
  scopeOrganizationId?: string,
) => {
  const now = ctx.clock.now();
  const { key, keyHash, keyLast4: last4 } = newLicenseKey();
  const row = await ctx.db.transaction(async (tx) => {
    const current = await findLicense({ db: tx }, licenseId, scopeOrganizationId);
    if (current.status === "CANCELLED") {
      throw new DomainError("LICENSE_INVALID_TRANSITION", "Cannot rotate the key of a CANCELLED license", {
        field: "licenseId",
        currentStatus: "CANCELLED",
      });
    }
    const [updated] = await tx
      .update(licenses)
      .set({
        keyHash,
        keyLast4: last4,
        keyRotatedAt: now,
        version: sql`${licenses.version} + 1`,
        updatedAt: now,
      })
      .where(and(eq(licenses.id, licenseId), eq(licenses.version, current.version)))
      .returning();
    if (!updated) throw new DomainError("STALE_VERSION", "The license changed at the same time; try again");
    await licenseChanged(tx, ctx.licenseCache, licenseId);
    await recordEvent(tx, ctx, {
      action: "license.key_rotated",
      organizationId: updated.organizationId,
      targetType: "license",
      targetId: licenseId,
      before: { keyLast4: current.keyLast4 },
      after: { keyLast4: last4 },
    });
    return updated;
  });
  return { license: licenseView(row, now), key };
};

const EXPIRES_SOON = (now: Date, days: number): SQL =>
  and(
    eq(licenses.status, "ACTIVE"),
    gt(licenses.expiresAt, now),
    lte(licenses.expiresAt, new Date(now.getTime() + days * 86_400_000)),
  ) as SQL;

/** The status filter as the effective status reads: ACTIVE past expiry counts as EXPIRED. */
const statusCondition = (status: LicenseStatus, now: Date): SQL => {
  if (status === "ACTIVE")
    return and(
      eq(licenses.status, "ACTIVE"),
      or(sql`${licenses.expiresAt} is null`, gt(licenses.expiresAt, now)),
    ) as SQL;
  if (status === "EXPIRED") {
    return or(
      eq(licenses.status, "EXPIRED"),
      and(eq(licenses.status, "ACTIVE"), lte(licenses.expiresAt, now)),
    ) as SQL;
  }
  return eq(licenses.status, status);
};

export const listLicenses = async (ctx: ServiceContext, input: z.output<typeof ListLicensesInput>) => {
  const now = ctx.clock.now();
  const conditions: SQL[] = [];
  if (input.tier) conditions.push(eq(licenses.tier, input.tier));
  if (input.status) conditions.push(statusCondition(input.status, now));
  if (input.expiringWithinDays !== undefined) conditions.push(EXPIRES_SOON(now, input.expiringWithinDays));
  if (input.organizationId) conditions.push(eq(licenses.organizationId, input.organizationId));
  if (input.search) {
    const pattern = `%${input.search.replace(/[\\%_]/g, (char) => `\\${char}`)}%`;
    conditions.push(or(ilike(organizations.name, pattern), ilike(organizations.slug, pattern)) as SQL);
  }
  const where = conditions.length ? and(...conditions) : undefined;
  const sortColumn = {
    expiresAt: licenses.expiresAt,
    createdAt: licenses.createdAt,
    tier: licenses.tier,
    status: licenses.status,
    organization: organizations.name,
  }[input.sort];
  const order = input.direction === "asc" ? asc(sortColumn) : desc(sortColumn);
  const [rows, totals] = await Promise.all([
    ctx.db
      .select({ license: licenses, organizationName: organizations.name })
      .from(licenses)
      .innerJoin(organizations, eq(organizations.id, licenses.organizationId))
      .where(where)
      .orderBy(sql`${order} nulls last`, asc(licenses.id))
      .limit(input.pageSize)
      .offset(pageOffset(input.page, input.pageSize)),
    ctx.db
      .select({ total: count() })
      .from(licenses)
      .innerJoin(organizations, eq(organizations.id, licenses.organizationId))
      .where(where),
  ]);
  return toPage(
    rows.map((row) => licenseView(row.license, now, row.organizationName)),
    totals[0]?.total ?? 0,
    input.page,
    input.pageSize,
  );
};

/** ACTIVE licenses that expire within `days` from now, soonest first. */
export const getExpiringLicenses = async (ctx: ServiceContext, days: number) => {
  const now = ctx.clock.now();
  const rows = await ctx.db
    .select({ license: licenses, organizationName: organizations.name })
    .from(licenses)
    .innerJoin(organizations, eq(organizations.id, licenses.organizationId))
    .where(EXPIRES_SOON(now, days))
    .orderBy(asc(licenses.expiresAt))
    .limit(1000);
  return rows.map((row) => licenseView(row.license, now, row.organizationName));
};

/** Counts by tier × effective status, seats sold, and how many expire within 30 days. */
export const getLicenseStats = async (ctx: ServiceContext) => {
  const now = ctx.clock.now();
  // Group by the stored status and whether the expiry has passed (select position 3):
  // an ACTIVE license past its expiry counts as EXPIRED, as everywhere else.
  const rows = await ctx.db
    .select({
      tier: licenses.tier,
      status: licenses.status,
      lapsed: sql<boolean>`coalesce(${licenses.expiresAt} <= ${now.toISOString()}::timestamptz, false)`,
      total: count(),
    })
    .from(licenses)
    .groupBy(licenses.tier, licenses.status, sql`3`);
  const byTier = Object.fromEntries(
    TIERS.map((tier) => [tier, Object.fromEntries(LICENSE_STATUSES.map((status) => [status, 0]))]),
  ) as Record<Tier, Record<LicenseStatus, number>>;
  for (const row of rows) {
    const status = row.status === "ACTIVE" && row.lapsed ? "EXPIRED" : row.status;
    byTier[row.tier][status] += row.total;
  }
  const active = await ctx.db
    .select({ license: licenses })
    .from(licenses)
    .where(statusCondition("ACTIVE", now));
  let seats = 0;
  let unlimitedSeats = 0;
  for (const { license } of active) {
    const users = licenseView(license, now).entitlements.limits.ACTIVE_USERS;
    if (users === null) unlimitedSeats++;
    else seats += users;
  }
  const [expiring] = await ctx.db.select({ total: count() }).from(licenses).where(EXPIRES_SOON(now, 30));
  const total = rows.reduce((sum, row) => sum + row.total, 0);
  return {
    total,
    byTier,
    byStatus: Object.fromEntries(
      LICENSE_STATUSES.map((status) => [status, TIERS.reduce((sum, tier) => sum + byTier[tier][status], 0)]),
    ) as Record<LicenseStatus, number>,
    seats: { licensed: seats, unlimitedLicenses: unlimitedSeats },
    expiringWithin30Days: expiring?.total ?? 0,
  };
};

/** Licenses in force at each of the last `months` month ends (by tier) and created each month. */
export const getLicenseTrend = async (ctx: ServiceContext, months: number) => {
  const spans = await ctx.db
    .select({
      tier: licenses.tier,
      status: licenses.status,
      createdAt: licenses.createdAt,
      activatedAt: licenses.activatedAt,
      expiresAt: licenses.expiresAt,
      suspendedAt: licenses.suspendedAt,
      cancelledAt: licenses.cancelledAt,
    })
    .from(licenses);
  return licenseTrend(spans, trendMonths(months, ctx.clock.now()));
};
