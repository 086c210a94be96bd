import { sql } from "drizzle-orm";
import type { TestHarness } from "../harness.ts";

/**
 * What an organisation owns, read from the database catalogue rather than listed by hand,
 * so that a new table with an `organization_id` column is covered without an edit here.
 */

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi;

/** `db.execute()` answers `{ rows }` on PGlite and an array on postgres.js. */
const rowsOf = (result: unknown): Record<string, unknown>[] =>
  Array.isArray(result) ? result : ((result as { rows: Record<string, unknown>[] }).rows ?? []);

const tenantTablesByHarness = new WeakMap<TestHarness, Promise<string[]>>();

/** Every table with both `id` and `organization_id`, plus `organizations` itself. */
const tenantTables = (h: TestHarness): Promise<string[]> => {
  let tables = tenantTablesByHarness.get(h);
  if (!tables) {
    tables = h.db
      .execute(
        sql`select c.table_name from information_schema.columns c
            join information_schema.columns i
              on i.table_schema = c.table_schema and i.table_name = c.table_name and i.column_name = 'id'
            where c.column_name = 'organization_id' and c.table_schema = current_schema()
            order by c.table_name`,
      )
      .then((result) => rowsOf(result).map((row) => String(row.table_name)));
    tenantTablesByHarness.set(h, tables);
  }
  return tables;
};

/** The ids of every row the organisation owns, and the organisation's own id. */
export const idsOwnedBy = async (h: TestHarness, organizationId: string): Promise<Set<string>> => {
  const selects = (await tenantTables(h)).map(
    (table) =>
      sql`select id::text as id from ${sql.identifier(table)} where organization_id = ${organizationId}`,
  );
  const result = await h.db.execute(sql.join(selects, sql` union all `));
  return new Set([organizationId, ...rowsOf(result).map((row) => String(row.id))]);
};

/** A digest of every row the organisation owns: equal before and after means nothing of it changed. */
export const fingerprintOf = async (
  h: TestHarness,
  organizationId: string,
): Promise<Record<string, string>> => {
  const selects = [
    sql`select 'organizations' as t, md5(string_agg(o::text, '|' order by o.id)) as digest from organizations o where o.id = ${organizationId}`,
    ...(await tenantTables(h)).map(
      (table) =>
        sql`select ${table} as t, md5(coalesce(string_agg(r::text, '|' order by r.id), '')) as digest
            from ${sql.identifier(table)} r where r.organization_id = ${organizationId}`,
    ),
  ];
  const result = await h.db.execute(sql.join(selects, sql` union all `));
  return Object.fromEntries(rowsOf(result).map((row) => [String(row.t), String(row.digest)]));
};

/** Walks a result: every value under an `organizationId` key, and every uuid found in any string. */
export const tenantTraces = (value: unknown) => {
  const organizationIds: unknown[] = [];
  const uuids = new Set<string>();
  const walk = (node: unknown) => {
    if (typeof node === "string") {
      for (const match of node.matchAll(UUID)) uuids.add(match[0].toLowerCase());
      return;
    }
    if (node === null || typeof node !== "object" || node instanceof Date) return;
    if (Array.isArray(node)) {
      for (const item of node) walk(item);
      return;
    }
    for (const [key, child] of Object.entries(node)) {
      if (key === "organizationId") organizationIds.push(child);
      walk(child);
    }
  };
  walk(value);
  return { organizationIds, uuids };
};
