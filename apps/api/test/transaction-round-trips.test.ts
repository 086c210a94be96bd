import { connect, createServer, type Server, type Socket } from "node:net";
import { createDb, type DbHandle } from "@tessera/db";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { allRows } from "../src/raw-rows.ts";

/**
 * A TCP proxy in front of PostgreSQL that counts flights: bursts the client sends after the
 * server last answered. A transaction of one statement is two when BEGIN goes out with the
 * statement (postgres.js is patched for it, `patches/`), three when BEGIN waits for its answer.
 */
const countingProxy = async (target: URL) => {
  let flights = 0;
  const server: Server = createServer((client: Socket) => {
    let answered = true;
    const upstream = connect(Number(target.port || 5432), target.hostname);
    client.on("data", (chunk) => {
      if (answered) flights++;
      answered = false;
      upstream.write(chunk);
    });
    upstream.on("data", (chunk) => {
      answered = true;
      client.write(chunk);
    });
    client.on("close", () => upstream.destroy());
    upstream.on("close", () => client.destroy());
    client.on("error", () => upstream.destroy());
    upstream.on("error", () => client.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  const url = new URL(target);
  url.host = `127.0.0.1:${typeof address === "object" && address ? address.port : 0}`;
  return {
    url: url.toString(),
    flights: () => flights,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
};

describe.skipIf(!process.env.DATABASE_URL)("a transaction's round trips (PostgreSQL only)", () => {
  let proxy: Awaited<ReturnType<typeof countingProxy>>;
  let handle: DbHandle;
  beforeAll(async () => {
    proxy = await countingProxy(new URL(process.env.DATABASE_URL ?? ""));
    handle = await createDb({ url: proxy.url, maxConnections: 1 });
    await handle.rows(sql`select 1`); // connect and read the types first
  });
  afterAll(async () => {
    await handle.close();
    await proxy.close();
  });

  it("BEGIN goes out with the first statement, which still runs inside the transaction", async () => {
    const before = proxy.flights();
    const times = await handle.db.transaction(async (tx) => {
      const [first] = allRows<{ at: string }>(await tx.execute(sql`select now()::text as at`));
      await tx.execute(sql`select pg_sleep(0.02)`);
      const [second] = allRows<{ at: string }>(await tx.execute(sql`select now()::text as at`));
      return { first: first?.at, second: second?.at };
    });
    // BEGIN + first, the sleep, the last read, COMMIT: four flights (five with BEGIN alone)
    expect(proxy.flights() - before).toBe(4);
    // now() is the transaction's start: equal only when the first statement ran inside it
    expect(times.first).toBe(times.second);
  });

  it("a rolled-back transaction leaves nothing of its first statement", async () => {
    await handle.rows(sql`create temporary table if not exists pipelined (id int)`);
    await expect(
      handle.db.transaction(async (tx) => {
        await tx.execute(sql`insert into pipelined values (1)`);
        throw new Error("undo");
      }),
    ).rejects.toThrow("undo");
    expect(await handle.rows(sql`select id from pipelined`)).toEqual([]);
  });
});
