import { licenses, organizations } from "@tessera/db/schema";
import {
  DomainError,
  decodeCursor,
  entitlementsFor,
  LICENSE_STATUSES,
  type LicenseStatus,
  type Limits,
  type ListLicensesInput,
  pageOffset,
  TIERS,
  type Tier,
  toCursorPage,
  toPage,
} from "@tessera/domain";
import { and, asc, count, desc, eq, gt, ilike, lte, not, or, type SQL, sql } from "drizzle-orm";
import type { z } from "zod";
import type { ServiceContext } from "../context.ts";
import { lapsedCondition } from "./lapsed.ts";
import { licenseView } from "./license-view.ts";

const EXPIRES_SOON = (now: Date, days: number): SQL =>
  and(
    eq(licenses.status, "ACTIVE"),
    gt(licenses.expiresAt, now),
    lte(licenses.expiresAt, new Date(now.getTime() + days * 86_400_000)),
  ) as SQL;

/** The status filter as the effective status reads: ACTIVE past its term counts as EXPIRED. */
const statusCondition = (status: LicenseStatus, now: Date): SQL => {
  if (status === "ACTIVE")
    return and(
      eq(licenses.status, "ACTIVE"),
      or(sql`${licenses.expiresAt} is null`, not(lapsedCondition(now))),
    ) as SQL;
  if (status === "EXPIRED") {
    return or(
      eq(licenses.status, "EXPIRED"),
      and(eq(licenses.status, "ACTIVE"), lapsedCondition(now)),
    ) as SQL;
  }
  return eq(licenses.status, status);
};

type LicenseFilters = Pick<
  z.output<typeof ListLicensesInput>,
  "tier" | "status" | "expiringWithinDays" | "organizationId" | "search"
>;

/** A key hint as typed (`…ABCD`, `abcd`, or a whole key): its last four key characters. */
const keyHintOf = (search: string): string | null => {
  const characters = search.toUpperCase().replace(/[\s.…-]/g, "");
  return characters.length >= 4 ? characters.slice(-4) : null;
};

/** The console's filters, shared by its page list and the REST cursor list. */
const licenseFilters = (input: LicenseFilters, now: Date): SQL | undefined => {
  const conditions: SQL[] = [];
  if (input.tier) conditions.push(eq(licenses.tier, input.tier));
  if (input.status) conditions.push(statusCondition(input.status, now));
  if (input.expiringWithinDays !== undefined) conditions.push(EXPIRES_SOON(now, input.expiringWithinDays));
  if (input.organizationId) conditions.push(eq(licenses.organizationId, input.organizationId));
  if (input.search) {
    const pattern = `%${input.search.replace(/[\\%_]/g, (char) => `\\${char}`)}%`;
    const hint = keyHintOf(input.search);
    conditions.push(
      or(
        ilike(organizations.name, pattern),
        ilike(organizations.slug, pattern),
        ...(hint ? [eq(licenses.keyLast4, hint)] : []),
      ) as SQL,
    );
  }
  return conditions.length ? and(...conditions) : undefined;
};

export const listLicenses = async (ctx: ServiceContext, input: z.output<typeof ListLicensesInput>) => {
  const now = ctx.clock.now();
  const where = licenseFilters(input, now);
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

/** created_at to the microsecond, in UTC: the cursor's sort value reads back exactly. */
const createdAtText = sql<string>`to_char(${licenses.createdAt} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;

/** A cursor's position, its sort value a timestamp we wrote (else 400 naming `cursor`, not a cast error). */
const createdAtCursor = (cursor: string) => {
  const position = decodeCursor(cursor);
  const millis = Date.parse(position.sortValue);
  const exact = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/.test(position.sortValue);
  if (
    !exact ||
    Number.isNaN(millis) ||
    new Date(millis).toISOString().slice(0, 23) !== position.sortValue.slice(0, 23)
  ) {
    throw new DomainError("VALIDATION_FAILED", "cursor is not one this API issued", { field: "cursor" });
  }
  return position;
};

/**
 * The REST list: the console's filters, newest first (created_at, then id, descending), as
 * keyset pages — a license created between two pages sorts before the cursor and never
 * shifts the rows after it.
 */
export const listLicensesPage = async (
  ctx: ServiceContext,
  input: LicenseFilters & { limit: number; cursor?: string | undefined },
) => {
  const now = ctx.clock.now();
  const after = input.cursor === undefined ? null : createdAtCursor(input.cursor);
  const rows = await ctx.db
    .select({ license: licenses, organizationName: organizations.name, createdAtText })
    .from(licenses)
    .innerJoin(organizations, eq(organizations.id, licenses.organizationId))
    .where(
      and(
        licenseFilters(input, now),
        after
          ? sql`(${licenses.createdAt}, ${licenses.id}) < (${after.sortValue}::timestamptz, ${after.id}::uuid)`
          : undefined,
      ),
    )
    .orderBy(desc(licenses.createdAt), desc(licenses.id))
    .limit(input.limit + 1);
  const page = toCursorPage(rows, input.limit, (row) => ({
    sortValue: row.createdAtText,
    id: row.license.id,
  }));
  return {
    items: page.items.map((row) => licenseView(row.license, now, row.organizationName)),
    nextCursor: page.nextCursor,
  };
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

/**
 * The Overview's card: how many ACTIVE licenses expire within `days`, and the `first`
 * soonest (id, organisation, key hint, expiry) — not every license view in the window.
 */
export const getExpiringSummary = async (ctx: ServiceContext, days: number, first = 5) => {
  const rows = await ctx.db
    .select({
      id: licenses.id,
      organizationName: organizations.name,
      keyLast4: licenses.keyLast4,
      expiresAt: licenses.expiresAt,
      total: sql<number>`count(*) over ()`.mapWith(Number),
    })
    .from(licenses)
    .innerJoin(organizations, eq(organizations.id, licenses.organizationId))
    .where(EXPIRES_SOON(ctx.clock.now(), days))
    .orderBy(asc(licenses.expiresAt), asc(licenses.id))
    .limit(first);
  return {
    total: rows[0]?.total ?? 0,
    first: rows.map(({ keyLast4, total: _total, ...row }) => ({ ...row, keyHint: `…${keyLast4}` })),
  };
};

/** A CUSTOM license's own user limit: absent (the tier's), "unlimited", or a number as text. */
const customUsers = sql<
  string | null
>`case when ${licenses.tier} = 'CUSTOM' and ${licenses.customLimits} ? 'ACTIVE_USERS'
  then coalesce(${licenses.customLimits} ->> 'ACTIVE_USERS', 'unlimited') end`;

/**
 * Counts by tier × effective status, seats sold, and how many expire within 30 days, in one
 * grouped statement: by stored status, whether the expiry has passed (an ACTIVE license past
 * it counts as EXPIRED, as everywhere else), whether it expires within 30 days, and a CUSTOM
 * license's own user limit (the one thing seats need beyond the tier).
 */
export const getLicenseStats = async (ctx: ServiceContext) => {
  const now = ctx.clock.now();
  const rows = await ctx.db
    .select({
      tier: licenses.tier,
      status: licenses.status,
      lapsed: sql<boolean>`coalesce(${lapsedCondition(now)}, false)`,
      expiringSoon: sql<boolean>`coalesce(${EXPIRES_SOON(now, 30)}, false)`,
      customUsers,
      total: count(),
    })
    .from(licenses)
    .groupBy(licenses.tier, licenses.status, sql`3`, sql`4`, sql`5`);
  const byTier = Object.fromEntries(
    TIERS.map((tier) => [tier, Object.fromEntries(LICENSE_STATUSES.map((status) => [status, 0]))]),
  ) as Record<Tier, Record<LicenseStatus, number>>;
  let seats = 0;
  let unlimitedSeats = 0;
  let expiring = 0;
  for (const row of rows) {
    const status = row.status === "ACTIVE" && row.lapsed ? "EXPIRED" : row.status;
    byTier[row.tier][status] += row.total;
    if (row.expiringSoon) expiring += row.total;
    if (status !== "ACTIVE") continue;
    // Only the user limit matters here; entitlementsFor spreads it over the tier's limits.
    const customLimits =
      row.customUsers === null
        ? null
        : ({ ACTIVE_USERS: row.customUsers === "unlimited" ? null : Number(row.customUsers) } as Limits);
    const users = entitlementsFor({ tier: row.tier, customLimits }).limits.ACTIVE_USERS;
    if (users === null) unlimitedSeats += row.total;
    else seats += users * row.total;
  }
  const total = rows.reduce((sum, row) => sum + row.total, 0);
  return {
    total,
    byTier,
    byStatus: Object.fromEntries(
      LICENSE_STATUSES.map((status) => [status, TIERS.reduce((sum, tier) => sum + byTier[tier][status], 0)]),
    ) as Record<LicenseStatus, number>,
    seats: { licensed: seats, unlimitedLicenses: unlimitedSeats },
    expiringWithin30Days: expiring,
  };
};
