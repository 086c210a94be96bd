import { randomUUID } from "node:crypto";
import { createDb, createFreshDatabase, type DbHandle } from "@tessera/db";
import { organizations } from "@tessera/db/schema";
import { eq, inArray, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

/**
 * On PostgreSQL, drizzle's statements are named and prepared once per connection (drizzle is
 * patched for it, `patches/`): an unnamed one costs a second round trip and a fresh plan on
 * every call. Large ones stay unnamed, and a client for a transaction pooler names none.
 */
describe.skipIf(!process.env.DATABASE_URL)(
  "statements on PostgreSQL (PostgreSQL only: PGlite has its own)",
  () => {
    let drop: () => Promise<void>;
    let url = "";
    beforeAll(async () => {
      const fresh = await createFreshDatabase(process.env.DATABASE_URL ?? "", "tessera_statements");
      drop = fresh.drop;
      url = fresh.url;
      const handle = await createDb({ url });
      await handle.migrate();
      await handle.close();
    });
    afterAll(() => drop());

    /** Run `lookup` twice on a one-connection pool; the statements that connection holds for it. */
    const namedAfterTwoRuns = async (prepare: boolean, lookup: (handle: DbHandle) => Promise<unknown>) => {
      const handle = await createDb({ url, maxConnections: 1, prepare });
      try {
        await lookup(handle);
        await lookup(handle);
        const held = await handle.rows<{ name: string }>(
          sql`select name from pg_prepared_statements where statement like '%from "organizations" where%'`,
        );
        return held.length;
      } finally {
        await handle.close();
      }
    };

    const byId = (handle: DbHandle) =>
      handle.db
        .select({ id: organizations.id })
        .from(organizations)
        .where(eq(organizations.id, randomUUID()));

    it("a query with parameters is one named statement, prepared once however often it runs", async () => {
      expect(await namedAfterTwoRuns(true, byId)).toBe(1);
    });

    it("a statement of more than 100 parameters stays unnamed, and a prepare: false client names none", async () => {
      const ids = Array.from({ length: 101 }, () => randomUUID());
      const many = (handle: DbHandle) =>
        handle.db.select({ id: organizations.id }).from(organizations).where(inArray(organizations.id, ids));
      expect(await namedAfterTwoRuns(true, many)).toBe(0);
      expect(await namedAfterTwoRuns(false, byId)).toBe(0);
    });
  },
);
