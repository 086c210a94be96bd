// The PGlite driver (packages/db/src/pglite-*.ts): prepared statements under drizzle must give
// the rows drizzle's stock PGlite driver gives, keep transactions, and keep the backend's
// statement list bounded. PGlite in memory whatever DATABASE_URL says: this is its driver.
import type { PGlite } from "@electric-sql/pglite";
import { sqlState } from "@tessera/db";
import { sql } from "drizzle-orm";
import { date, integer, interval, jsonb, numeric, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { drizzle } from "drizzle-orm/pglite";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { migrationsUpToDate } from "../../../packages/db/src/migrations.ts";
import { openPglite, preparedClient } from "../../../packages/db/src/pglite-client.ts";

const samples = pgTable("samples", {
  id: uuid().primaryKey(),
  at: timestamp({ withTimezone: true }).notNull(),
  localAt: timestamp({ mode: "string" }),
  day: date(),
  span: interval(),
  amount: numeric(),
  count: integer(),
  tags: text().array(),
  meta: jsonb(),
});

let pg: PGlite;
let prepared: ReturnType<typeof drizzle>;
let stock: ReturnType<typeof drizzle>;

const preparedCount = async () =>
  Number((await pg.query<{ n: number }>("select count(*)::int as n from pg_prepared_statements")).rows[0]?.n);

beforeAll(async () => {
  pg = await openPglite();
  await pg.exec(`create table samples (
    id uuid primary key, at timestamptz not null, local_at timestamp, day date, span interval,
    amount numeric, count integer, tags text[], meta jsonb)`);
  prepared = drizzle({ client: preparedClient(pg), casing: "snake_case" });
  stock = drizzle({ client: pg, casing: "snake_case" });
  await stock.insert(samples).values([
    {
      id: "00000000-0000-4000-8000-000000000001",
      at: new Date("2026-03-01T10:20:30.456Z"),
      localAt: "2026-03-01 10:20:30",
      day: "2026-03-01",
      span: "1 day 02:00:00",
      amount: "12.50",
      count: 7,
      tags: ["a", "b,c"],
      meta: { nested: { list: [1, 2] }, flag: true },
    },
    { id: "00000000-0000-4000-8000-000000000002", at: new Date(0) },
  ]);
}, 60_000);

afterAll(async () => {
  await pg.close();
});

describe("PGlite prepared-statement driver", () => {
  it("gives the same rows as drizzle's stock PGlite driver, typed and raw", async () => {
    const query = (db: typeof stock) => db.select().from(samples).orderBy(samples.id);
    expect(await query(prepared)).toEqual(await query(stock));
    const raw = sql`select * from samples order by id`;
    const [mine, theirs] = [await prepared.execute(raw), await stock.execute(raw)];
    expect(mine.rows).toEqual(theirs.rows);
    expect(mine.fields).toEqual(theirs.fields);
    const at = new Date("2026-03-01T10:20:30.456Z");
    const where = (db: typeof stock) =>
      db.select({ id: samples.id }).from(samples).where(sql`${samples.at} = ${at}`);
    expect(await where(prepared)).toEqual(await where(stock));
  });

  it("parses a statement once and runs it again by name", async () => {
    const before = await preparedCount();
    for (let run = 0; run < 5; run++) {
      await prepared.select({ id: samples.id }).from(samples).where(sql`${samples.count} = ${run}`);
    }
    expect(await preparedCount()).toBe(before + 1);
  });

  it("keeps at most 200 statements, closing the least recently used", async () => {
    for (let n = 0; n < 230; n++) await prepared.execute(sql.raw(`select ${n} as n`));
    expect(await preparedCount()).toBeLessThanOrEqual(200);
    expect((await prepared.execute(sql.raw("select 3 as n"))).rows).toEqual([{ n: 3 }]);
  });

  it("prepares afresh when the schema changed the statement's result", async () => {
    await prepared.execute(sql`select * from samples where id = ${"00000000-0000-4000-8000-000000000002"}`);
    await pg.exec("alter table samples add column note text");
    const { rows } = await prepared.execute(
      sql`select * from samples where id = ${"00000000-0000-4000-8000-000000000002"}`,
    );
    expect(rows[0]).toHaveProperty("note", null);
    await pg.exec("alter table samples drop column note");
  });

  it("commits, rolls back, and rolls back to a savepoint", async () => {
    const id = "00000000-0000-4000-8000-000000000003";
    await expect(
      prepared.transaction(async (tx) => {
        await tx.insert(samples).values({ id, at: new Date() });
        throw new Error("undo");
      }),
    ).rejects.toThrow("undo");
    expect(await prepared.select().from(samples).where(sql`${samples.id} = ${id}`)).toEqual([]);
    await prepared.transaction(async (tx) => {
      await tx.insert(samples).values({ id, at: new Date(), count: 1 });
      await expect(
        tx.transaction(async (inner) => {
          await inner.update(samples).set({ count: 2 }).where(sql`${samples.id} = ${id}`);
          throw new Error("inner undo");
        }),
      ).rejects.toThrow("inner undo");
    });
    expect(
      await prepared.select({ count: samples.count }).from(samples).where(sql`${samples.id} = ${id}`),
    ).toEqual([{ count: 1 }]);
  });

  it("reports PostgreSQL's error code, and the next query still runs", async () => {
    const duplicate = prepared
      .insert(samples)
      .values({ id: "00000000-0000-4000-8000-000000000001", at: new Date() });
    const error = await duplicate.then(
      () => null,
      (failure: unknown) => failure,
    );
    expect(sqlState(error)).toBe("23505");
    expect((await prepared.execute(sql`select 1 as one`)).rows).toEqual([{ one: 1 }]);
  });

  it("starts with the embedded memory settings", async () => {
    expect((await pg.query<{ shared_buffers: string }>("show shared_buffers")).rows[0]?.shared_buffers).toBe(
      "16MB",
    );
  });

  it("skips drizzle's migrator only when the newest shipped migration is applied", async () => {
    const read = async (text: string) => (await pg.query<Record<string, unknown>>(text)).rows;
    expect(await migrationsUpToDate(read)).toBe(false); // no migrations table yet
    await pg.exec(
      "create schema drizzle; create table drizzle.__drizzle_migrations (id serial, hash text, created_at bigint)",
    );
    await pg.exec("insert into drizzle.__drizzle_migrations (hash, created_at) values ('x', 1000)");
    expect(await migrationsUpToDate(read)).toBe(false); // older than the newest shipped
    await pg.exec("insert into drizzle.__drizzle_migrations (hash, created_at) values ('y', 9999999999999)");
    expect(await migrationsUpToDate(read)).toBe(true);
    await pg.exec("drop schema drizzle cascade");
  });
});
