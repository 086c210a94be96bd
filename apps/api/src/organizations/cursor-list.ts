import { organizations } from "@tessera/db/schema";
import { type CursorPage, decodeCursor, type OrganizationCursorQuery, toCursorPage } from "@tessera/domain";
import { and, asc, sql } from "drizzle-orm";
import type { z } from "zod";
import type { ServiceContext } from "../context.ts";
import { organizationSearch } from "./service.ts";

type Organization = typeof organizations.$inferSelect;

/**
 * Organisations in name order (id breaking ties) as cursor pages: each page starts after the
 * last row sent, so rows added meanwhile never make a page skip or repeat one.
 */
export const listOrganizationsPage = async (
  ctx: Pick<ServiceContext, "db">,
  query: z.output<typeof OrganizationCursorQuery>,
): Promise<CursorPage<Organization>> => {
  const after = query.cursor ? decodeCursor(query.cursor) : null;
  const rows = await ctx.db
    .select()
    .from(organizations)
    .where(
      and(
        organizationSearch(query.search),
        after
          ? sql`(${organizations.name}, ${organizations.id}) > (${after.sortValue}, ${after.id}::uuid)`
          : undefined,
      ),
    )
    .orderBy(asc(organizations.name), asc(organizations.id))
    .limit(query.limit + 1);
  return toCursorPage(rows, query.limit, (row) => ({ sortValue: row.name, id: row.id }));
};
