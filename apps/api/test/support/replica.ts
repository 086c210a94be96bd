import { execFile } from "node:child_process";
import { chownSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import postgres from "postgres";

const run = promisify(execFile);
const BIN = "/usr/lib/postgresql/15/bin";
const asPostgres = (command: string, args: string[]) =>
  run("runuser", ["-u", "postgres", "--", join(BIN, command), ...args], { timeout: 120_000 });

const freePort = () =>
  new Promise<number>((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });

export interface StreamingReplica {
  port: number;
  /** The same database name as `primaryUrl`, on the replica. */
  urlFor(primaryUrl: string): string;
  /** A one-connection client to the replica's `database`, for pausing replay and waiting on it. */
  sql(database: string): postgres.Sql;
  stop(): Promise<void>;
  remove(): Promise<void>;
}

/**
 * A real streaming replica of the local PostgreSQL (127.0.0.1:5432): a base backup into a
 * temp dir owned by postgres, started on a free port, ready once it answers in recovery.
 * Needs `scripts/ensure-replication.sh` to have allowed replication from loopback.
 */
export const startStreamingReplica = async (): Promise<StreamingReplica> => {
  const dir = mkdtempSync(join(tmpdir(), "tessera-replica-"));
  chownSync(dir, ...(await postgresIds()));
  const data = join(dir, "data");
  // A slot of its own keeps the primary's WAL until the replica has it: a busy primary (other
  // test files) would otherwise recycle segments the backup or the replay still needs.
  const slot = `tessera_replica_${process.pid}_${Date.now()}`;
  const dropSlot = () =>
    primarySql(
      (sql) => sql`select pg_drop_replication_slot(${slot}) where exists
    (select 1 from pg_replication_slots where slot_name = ${slot})`,
    );
  try {
    await asPostgres("pg_basebackup", [
      ...["-h", "127.0.0.1", "-U", "postgres", "-D", data, "-R", "-X", "stream", "-C", "-S", slot],
      // a fast checkpoint: without it the backup waits for the next scheduled one (up to 5 min)
      "-c",
      "fast",
    ]);
  } catch (error) {
    await dropSlot().catch(() => {});
    throw error;
  }
  const port = await freePort();
  // Debian keeps the primary's configuration outside its data folder: the replica gets its own.
  const files: Record<string, string> = {
    "postgresql.conf": `listen_addresses = '127.0.0.1'\nunix_socket_directories = '${dir}'\n`,
    "pg_hba.conf": "host all all 127.0.0.1/32 trust\n",
    "pg_ident.conf": "",
  };
  for (const [name, text] of Object.entries(files)) writeFileSync(join(data, name), text);
  writeFileSync(join(data, "postgresql.auto.conf"), `port = ${port}\nhot_standby = on\n`, { flag: "a" });
  await run("chown", ["-R", "postgres:postgres", dir]);
  await asPostgres("pg_ctl", ["-D", data, "-l", join(dir, "log"), "-w", "start"]);
  const clients: postgres.Sql[] = [];
  const sql = (database: string) => {
    const client = postgres({
      host: "127.0.0.1",
      port,
      user: "postgres",
      database,
      max: 1,
      onnotice: () => {},
    });
    clients.push(client);
    return client;
  };
  const admin = sql("postgres");
  const [row] = await admin`select pg_is_in_recovery() as recovering`;
  if (!row?.recovering) throw new Error("the replica is not in recovery");
  let stopped = false;
  const stop = async () => {
    if (stopped) return;
    stopped = true;
    await Promise.all(clients.map((client) => client.end({ timeout: 1 })));
    await asPostgres("pg_ctl", ["-D", data, "-m", "fast", "-w", "stop"]);
  };
  return {
    port,
    urlFor: (primaryUrl) => {
      const url = new URL(primaryUrl);
      url.port = String(port);
      return url.toString();
    },
    sql,
    stop,
    remove: async () => {
      await stop().catch(() => {});
      await dropSlot();
      rmSync(dir, { recursive: true, force: true });
    },
  };
};

const primarySql = async (use: (sql: postgres.Sql) => Promise<unknown>) => {
  const sql = postgres({ host: "127.0.0.1", port: 5432, user: "postgres", database: "postgres", max: 1 });
  try {
    await use(sql);
  } finally {
    await sql.end({ timeout: 1 });
  }
};

const postgresIds = async (): Promise<[number, number]> => {
  const { stdout: uid } = await run("id", ["-u", "postgres"]);
  const { stdout: gid } = await run("id", ["-g", "postgres"]);
  return [Number(uid), Number(gid)];
};
