import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import { chmodSync, chownSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createConnection, createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";

export interface RunningPgBouncer {
  /** postgres://postgres@127.0.0.1:<port>: any database name on the PostgreSQL behind it. */
  url: string;
  port: number;
  /** Everything PgBouncer has logged so far. */
  log(): string;
  stop(): Promise<void>;
}

interface PgBouncerOptions {
  /** The PostgreSQL behind it (host and port only are used). */
  serverUrl?: string;
  /** Server connections per (database, user): small, so the pool is shared as in production. */
  poolSize?: number;
}

const PGBOUNCER = process.env.PGBOUNCER_BIN ?? "/usr/sbin/pgbouncer";

const freePort = () =>
  new Promise<number>((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });

const accepts = (port: number) =>
  new Promise<boolean>((resolve) => {
    const socket = createConnection({ port, host: "127.0.0.1" });
    socket.once("connect", () => resolve(true));
    socket.once("error", () => resolve(false));
  }).then((ok) => ok);

/** The settings deploy/pgbouncer.ini holds, on a test's own port, folder and pool size. */
const iniText = (dir: string, port: number, server: URL, poolSize: number) =>
  [
    "[databases]",
    // any database name passes through, so each test file's fresh database needs no entry
    `* = host=${server.hostname} port=${server.port || 5432}`,
    "[pgbouncer]",
    "listen_addr = 127.0.0.1",
    `listen_port = ${port}`,
    "unix_socket_dir =",
    "auth_type = trust",
    `auth_file = ${join(dir, "userlist.txt")}`,
    "pool_mode = transaction",
    `default_pool_size = ${poolSize}`,
    "max_client_conn = 1000",
    "server_reset_query =",
    "ignore_startup_parameters = extra_float_digits,options",
    `logfile = ${join(dir, "pgbouncer.log")}`,
    `pidfile = ${join(dir, "pgbouncer.pid")}`,
    "",
  ].join("\n");

/** PostgreSQL and PgBouncer refuse root: run as the postgres OS user, in a folder it owns. */
const asPostgres = (dir: string, args: string[]): ChildProcess => {
  if (process.getuid?.() !== 0) return spawn(PGBOUNCER, args, { stdio: ["ignore", "ignore", "pipe"] });
  const uid = Number(execFileSync("id", ["-u", "postgres"]).toString());
  const gid = Number(execFileSync("id", ["-g", "postgres"]).toString());
  chownSync(dir, uid, gid);
  for (const file of ["pgbouncer.ini", "userlist.txt"]) chownSync(join(dir, file), uid, gid);
  return spawn("runuser", ["-u", "postgres", "--", PGBOUNCER, ...args], {
    stdio: ["ignore", "ignore", "pipe"],
  });
};

/**
 * A real PgBouncer (transaction pooling) on a free loopback port in front of the PostgreSQL
 * of `serverUrl` (DATABASE_URL), with its config and log in a temporary folder removed on stop.
 */
export const startPgBouncer = async (options: PgBouncerOptions = {}): Promise<RunningPgBouncer> => {
  const server = new URL(
    options.serverUrl ?? process.env.DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432",
  );
  const port = await freePort();
  const dir = mkdtempSync(join(tmpdir(), "tessera-pgbouncer-"));
  chmodSync(dir, 0o755);
  writeFileSync(join(dir, "userlist.txt"), '"postgres" ""\n');
  writeFileSync(join(dir, "pgbouncer.ini"), iniText(dir, port, server, options.poolSize ?? 5));
  const child = asPostgres(dir, [join(dir, "pgbouncer.ini")]);
  let stderr = "";
  child.stderr?.on("data", (chunk) => {
    stderr += chunk;
  });
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const log = () => {
    try {
      return readFileSync(join(dir, "pgbouncer.log"), "utf8");
    } catch {
      return "";
    }
  };
  const end = Date.now() + 10_000;
  while (!(await accepts(port))) {
    if (child.exitCode !== null || Date.now() > end) {
      child.kill("SIGTERM");
      rmSync(dir, { recursive: true, force: true });
      throw new Error(`PgBouncer did not start on ${port}: ${stderr}${log()}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return {
    url: `postgres://postgres@127.0.0.1:${port}`,
    port,
    log,
    stop: async () => {
      // SIGINT: PgBouncer's safe shutdown, once its clients are gone; SIGTERM if one lingers.
      // Sent to PgBouncer itself (its pidfile): runuser does not pass SIGINT on.
      const signal = (name: NodeJS.Signals) => {
        try {
          process.kill(Number(readFileSync(join(dir, "pgbouncer.pid"), "utf8")), name);
        } catch {
          child.kill(name);
        }
      };
      signal("SIGINT");
      const late = setTimeout(() => signal("SIGTERM"), 3000);
      await exited;
      clearTimeout(late);
      rmSync(dir, { recursive: true, force: true });
    },
  };
};
