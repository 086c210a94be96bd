import type { Executor } from "@tessera/db";
import { users } from "@tessera/db/schema";
import { and, asc, count, eq, isNull, type SQL, sql } from "drizzle-orm";
import type { ScimLookup } from "./filter.ts";
import type { ScimUserRow } from "./user-document.ts";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** Ids are uuids: anything else is simply not found (and never reaches PostgreSQL's cast). */
export const isUuid = (value: string) => UUID.test(value);

export const scimUserColumns = {
  id: users.id,
  email: users.email,
  name: users.name,
  role: users.role,
  disabledAt: users.disabledAt,
  scimExternalId: users.scimExternalId,
  createdAt: users.createdAt,
  updatedAt: users.updatedAt,
};

/** The organisation's users a directory sees: customers of it, not deleted through SCIM. */
export const visibleUsers = (organizationId: string): SQL =>
  and(
    eq(users.organizationId, organizationId),
    eq(users.kind, "CUSTOMER"),
    isNull(users.scimDeletedAt),
  ) as SQL;

const lookupCondition = (lookup: ScimLookup): SQL | null => {
  if (lookup.attribute === "id") return isUuid(lookup.value) ? eq(users.id, lookup.value) : null;
  if (lookup.attribute === "userName") return eq(sql`lower(${users.email})`, lookup.value.toLowerCase());
  if (lookup.attribute === "externalId") return eq(users.scimExternalId, lookup.value);
  return null;
};

export const findScimUser = async (
  executor: Executor,
  organizationId: string,
  userId: string,
): Promise<ScimUserRow | null> => {
  if (!isUuid(userId)) return null;
  const [row] = await executor
    .select(scimUserColumns)
    .from(users)
    .where(and(visibleUsers(organizationId), eq(users.id, userId)));
  return row ?? null;
};

/** One page of the organisation's users, `startIndex` 1-based as SCIM counts. */
export const listScimUsers = async (
  executor: Executor,
  organizationId: string,
  query: { lookup: ScimLookup | null; startIndex: number; count: number },
): Promise<{ rows: ScimUserRow[]; total: number }> => {
  const condition = query.lookup ? lookupCondition(query.lookup) : undefined;
  if (condition === null) return { rows: [], total: 0 };
  const where = condition ? and(visibleUsers(organizationId), condition) : visibleUsers(organizationId);
  const [rows, totals] = await Promise.all([
    query.count === 0
      ? Promise.resolve([])
      : executor
          .select(scimUserColumns)
          .from(users)
          .where(where)
          .orderBy(asc(users.createdAt), asc(users.id))
          .limit(query.count)
          .offset(query.startIndex - 1),
    executor.select({ total: count() }).from(users).where(where),
  ]);
  return { rows, total: totals[0]?.total ?? 0 };
};
