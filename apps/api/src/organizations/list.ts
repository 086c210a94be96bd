import { licenses, organizations, users } from "@tessera/db/schema";
import {
  IN_FORCE_STATUSES,
  type LicenseStatus,
  type ListOrganizationsInput,
  pageOffset,
  toPage,
} from "@tessera/domain";
import { and, asc, count, desc, eq, inArray, type SQL, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { z } from "zod";
import type { ServiceContext } from "../context.ts";
import { lapsedCondition } from "../licenses/lapsed.ts";
import { gradeOrganization } from "./health.ts";
import { organizationSearch } from "./service.ts";

type ListInput = z.output<typeof ListOrganizationsInput>;

/** Organisations graded at once when the whole list is graded: enough to overlap, few enough to share the pool. */
const GRADING_BATCH = 8;

/**
 * Each organisation's license in force, else its latest (as getLicenseByOrganization picks it),
 * with its effective status: an ACTIVE license past its term reads EXPIRED, as everywhere else.
 */
const currentLicense = (ctx: ServiceContext) =>
  ctx.db
    .select({
      tier: licenses.tier,
      status:
        sql<LicenseStatus>`case when ${and(eq(licenses.status, "ACTIVE"), lapsedCondition(ctx.clock.now()))}
        then 'EXPIRED'::license_status else ${licenses.status} end`.as("effective_status"),
    })
    .from(licenses)
    .where(eq(licenses.organizationId, organizations.id))
    .orderBy(desc(inArray(licenses.status, [...IN_FORCE_STATUSES])), desc(licenses.createdAt))
    .limit(1)
    .as("current_license");

const manager = alias(users, "account_manager");

/** The list's rows: each organisation with its current license's tier and status and its manager. */
const listRows = (ctx: ServiceContext, where: SQL | undefined) => {
  const current = currentLicense(ctx);
  const query = ctx.db
    .select({
      organization: organizations,
      tier: current.tier,
      licenseStatus: current.status,
      accountManagerName: manager.name,
    })
    .from(organizations)
    .leftJoinLateral(current, sql`true`)
    .leftJoin(manager, eq(manager.id, organizations.accountManagerId))
    .where(where);
  const columns = {
    name: organizations.name,
    tier: current.tier,
    licenseStatus: current.status,
    accountManager: manager.name,
    createdAt: organizations.createdAt,
  };
  return { query, columns };
};

type Row = Awaited<ReturnType<typeof listRows>["query"]>[number];

const withGrades = async (ctx: ServiceContext, rows: Row[]) => {
  const graded = [];
  for (let start = 0; start < rows.length; start += GRADING_BATCH) {
    const batch = rows.slice(start, start + GRADING_BATCH);
    const healths = await Promise.all(batch.map((row) => gradeOrganization(ctx, row.organization.id)));
    graded.push(
      ...batch.map((row, index) => {
        const { grade, score } = healths[index]?.health ?? { grade: "D" as const, score: 0 };
        return {
          ...row.organization,
          tier: row.tier,
          licenseStatus: row.licenseStatus,
          accountManagerName: row.accountManagerName,
          health: { grade, score },
        };
      }),
    );
  }
  return graded;
};

/**
 * The console's organisation list: searched, sorted and paged. Name, tier, license status,
 * account manager and created sort in SQL (organisations without a license or a manager last,
 * either way). Sorting by health grade cannot: the grade is worked out by `gradeHealth` from
 * the license, this month's usage and forecasts, open tickets and their SLA clocks, the custom
 * domain and webhook failures, against the current time, so it changes with no row changing
 * and no column holds it. Sorting one page by grade would order each page alone and hide the
 * worst organisations on later pages; so a grade sort grades every organisation the search
 * matches, orders them by score (finer than the letter; ascending is best first, as A comes
 * before D), then slices out the page. Other sorts grade only the page shown.
 */
export const listOrganizations = async (ctx: ServiceContext, input: ListInput) => {
  const where = organizationSearch(input.search);
  const { query, columns } = listRows(ctx, where);
  const [totals] = await ctx.db.select({ total: count() }).from(organizations).where(where);
  const total = totals?.total ?? 0;
  if (input.sort === "grade") {
    const all = await withGrades(ctx, await query.orderBy(asc(organizations.name), asc(organizations.id)));
    const sign = input.direction === "asc" ? -1 : 1;
    // A stable sort keeps name order among equal scores.
    const sorted = all.sort((a, b) => sign * (a.health.score - b.health.score));
    const offset = pageOffset(input.page, input.pageSize);
    return toPage(sorted.slice(offset, offset + input.pageSize), total, input.page, input.pageSize);
  }
  const column = columns[input.sort];
  const order = input.direction === "asc" ? asc(column) : desc(column);
  const rows = await query
    .orderBy(sql`${order} nulls last`, asc(organizations.name), asc(organizations.id))
    .limit(input.pageSize)
    .offset(pageOffset(input.page, input.pageSize));
  return toPage(await withGrades(ctx, rows), total, input.page, input.pageSize);
};
