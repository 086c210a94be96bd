import { PGlite, type QueryOptions, type Results, type Transaction } from "@electric-sql/pglite";
import { PgliteStatements } from "./pglite-statements.ts";

/**
 * PostgreSQL settings for an embedded database: PGlite keeps PostgreSQL's server defaults
 * (shared_buffers=128MB, touched at start), which cost the process ~240 MiB of memory for
 * a cache our data never fills. 16 MB holds the hot indexes; the OS page cache holds the rest.
 */
const EMBEDDED_SETTINGS = ["-c", "shared_buffers=16MB", "-c", "wal_buffers=1MB", "-c", "temp_buffers=2MB"];

/** A PGlite database (in memory without `dataDir`), sized for embedding. */
export const openPglite = async (dataDir?: string): Promise<PGlite> => {
  // Options go in the one object: `new PGlite(undefined, options)` drops the options.
  const pg = new PGlite({ dataDir, startParams: [...PGlite.defaultStartParams, ...EMBEDDED_SETTINGS] });
  await pg.waitReady;
  return pg;
};

type ParserTable = PGlite["parsers"];
type Query = <T>(text: string, params?: unknown[], options?: QueryOptions) => Promise<Results<T>>;

/**
 * The client drizzle's PGlite driver is given: its `query` runs prepared statements
 * (`PgliteStatements`) and its `transaction` hands drizzle a transaction whose `query` does
 * the same. Drizzle passes the same few type parsers with every query (dates, timestamps and
 * intervals kept as text for its own column mapping); PGlite would copy its whole parser
 * table (~350 entries) into a new one per query to apply them, so the merged table is built
 * once per set of overridden type oids and reused. Without per-query parsers PGlite's own
 * table applies, as with `PGlite.query`. Drizzle calls nothing else on its client.
 */
export const preparedClient = (pg: PGlite): PGlite => {
  const statements = new PgliteStatements(pg);
  const merged = new Map<string, ParserTable>();
  const parsersFor = (options: QueryOptions | undefined): ParserTable => {
    if (!options?.parsers) return pg.parsers;
    const key = Object.keys(options.parsers).join(",");
    let table = merged.get(key);
    if (!table) {
      table = { ...pg.parsers, ...options.parsers };
      merged.set(key, table);
    }
    return table;
  };
  const queryIn =
    (inTransaction: boolean): Query =>
    async <T>(text: string, params?: unknown[], options?: QueryOptions) =>
      (await statements.run(
        text,
        params ?? [],
        { rowMode: options?.rowMode ?? "object", parsers: parsersFor(options) },
        inTransaction,
      )) as Results<T>;
  const inTransaction = queryIn(true);
  const client = {
    query: queryIn(false),
    transaction: <T>(callback: (tx: Transaction) => Promise<T>) =>
      pg.transaction((tx) =>
        callback({
          ...tx,
          query: <R>(text: string, params?: unknown[], options?: QueryOptions) => {
            if (tx.closed) throw new Error("Transaction is closed");
            return inTransaction<R>(text, params, options);
          },
          get closed() {
            return tx.closed;
          },
        }),
      ),
  };
  return client as unknown as PGlite;
};
