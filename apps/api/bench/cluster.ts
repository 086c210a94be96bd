// pnpm bench:cluster — Tessera scaled out on this machine, under a mixed load for
// BENCH_SECONDS (60): two API instances (the built dist/main.js) behind a round-robin proxy,
// both through a PgBouncer in transaction mode to the local PostgreSQL (the primary), with
// LISTEN on a direct connection and reports read from a real streaming replica. Prints
// throughput and p50/p99 per operation, errors and the replica's lag, then checks the
// invariants: every acknowledged usage event counted once, alerts once, ticket numbers distinct.
import { randomBytes } from "node:crypto";
import { createServer, request } from "node:http";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import { createDb, createFreshDatabase, type DbHandle } from "@tessera/db";
import { sql } from "drizzle-orm";
import { createApiKey } from "../src/api-keys/service.ts";
import { systemClock } from "../src/clock.ts";
import { enableAPI } from "../src/white-label/api-access.ts";
import { startPgBouncer } from "../test/support/pgbouncer.ts";
import { startStreamingReplica } from "../test/support/replica.ts";
import { drive, operations, percentile, type Tally, type Tenant } from "./cluster-workload.ts";
import { seedLicenses } from "./seed-licenses.ts";
import { sequenceKeys, start, stop, zipfSequence } from "./validate-load.ts";

const SECONDS = Number(process.env.BENCH_SECONDS ?? 60);
const LICENSES = Number(process.env.BENCH_LICENSES ?? 10_000);
const WORKERS = Number(process.env.BENCH_WORKERS ?? 16);
const SERVER = process.env.DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
const MAIN = join(new URL(".", import.meta.url).pathname, "../dist/main.js");

/** A round-robin HTTP proxy over the instances, as a load balancer would be. */
const roundRobin = async (targets: number[]) => {
  let next = 0;
  const proxy = createServer((req, res) => {
    const port = targets[next++ % targets.length];
    const upstream = request(
      { host: "127.0.0.1", port, path: req.url, method: req.method, headers: req.headers },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      },
    );
    upstream.on("error", () => {
      res.writeHead(502);
      res.end();
    });
    req.pipe(upstream);
  });
  await new Promise<void>((resolve) => proxy.listen(0, "127.0.0.1", resolve));
  return { url: `http://127.0.0.1:${(proxy.address() as AddressInfo).port}`, close: () => proxy.close() };
};

/** ENTERPRISE organisations (the highest API rate), each with an organisation key. */
const tenantsOf = async (handle: DbHandle, count: number): Promise<Tenant[]> => {
  const rows = await handle.rows<{ organization_id: string }>(
    sql`select organization_id from licenses where tier = 'ENTERPRISE' order by created_at limit ${count}`,
  );
  const system = { db: handle.db, clock: systemClock, actor: null, ip: null };
  const tenants: Tenant[] = [];
  for (const row of rows) {
    // organisation keys work only while the organisation's API access is on
    await enableAPI(system, row.organization_id, true);
    const created = await createApiKey(system, {
      organizationId: row.organization_id,
      name: "bench:cluster",
      scopes: ["usage:write", "usage:read", "tickets:write", "audit:read"],
    });
    tenants.push({ organizationId: row.organization_id, apiKey: created.key });
  }
  return tenants;
};

const instance = (env: Record<string, string>) => {
  const port = String(20_000 + Math.floor(Math.random() * 20_000));
  return start(
    "node",
    ["--max-semi-space-size=8", "--max-old-space-size=256", MAIN],
    { ...env, PORT: port },
    /running at/,
  ).then((server) => ({ ...server, port: Number(port) }));
};

const lagOf = async (port: number) => {
  const text = await (await fetch(`http://127.0.0.1:${port}/metrics`)).text();
  return Number(text.match(/^tessera_replica_lag_seconds (\S+)$/m)?.[1] ?? Number.NaN);
};

const newTally = (): Tally => ({
  latencies: new Map(),
  errors: new Map(),
  acknowledged: new Map(),
  retries: 0,
});

const figures = (tally: Tally, name: string) => {
  const sorted = [...(tally.latencies.get(name) ?? [])].sort((a, b) => a - b);
  return {
    rate: sorted.length / SECONDS,
    p50: percentile(sorted, 50),
    p99: percentile(sorted, 99),
    errors: tally.errors.get(name) ?? 0,
  };
};

/** The cluster beside the baseline (one instance straight on PostgreSQL), operation by operation. */
const report = (cluster: Tally, baseline: Tally) => {
  console.log(
    `\nbench:cluster — ${SECONDS} s each, ${WORKERS} workers; cluster = 2 instances behind a round-robin proxy, PgBouncer (transaction), primary + streaming replica; baseline = 1 instance straight on the primary\n`,
  );
  console.log(
    "| operation | cluster req/s | p50 ms | p99 ms | errors | baseline req/s | p50 ms | p99 ms | errors |",
  );
  console.log("|---|---:|---:|---:|---:|---:|---:|---:|---:|");
  for (const name of cluster.latencies.keys()) {
    const c = figures(cluster, name);
    const b = figures(baseline, name);
    console.log(
      `| ${name} | ${c.rate.toFixed(0)} | ${c.p50.toFixed(1)} | ${c.p99.toFixed(1)} | ${c.errors} | ${b.rate.toFixed(0)} | ${b.p50.toFixed(1)} | ${b.p99.toFixed(1)} | ${b.errors} |`,
    );
  }
};

const invariants = async (handle: DbHandle, tally: Tally) => {
  let ok = true;
  for (const [organizationId, expected] of tally.acknowledged) {
    const [row] = await handle.rows<{ total: string }>(
      sql`select coalesce(sum(value), 0)::text as total from usage_events where organization_id = ${organizationId}`,
    );
    if (Number(row?.total) !== expected) {
      ok = false;
      console.log(`✗ ${organizationId}: ${row?.total} stored, ${expected} acknowledged`);
    }
  }
  const doubledAlerts = await handle.rows(
    sql`select license_id from usage_alerts group by license_id, metric, threshold, period having count(*) > 1`,
  );
  const doubledTickets = await handle.rows(
    sql`select number from tickets group by number having count(*) > 1`,
  );
  console.log(
    `\nevery acknowledged event counted once: ${ok ? "yes" : "NO"} (${tally.acknowledged.size} organisations, ${tally.retries} batch retries)`,
  );
  console.log(
    `alerts once: ${doubledAlerts.length === 0 ? "yes" : "NO"}; ticket numbers distinct: ${doubledTickets.length === 0 ? "yes" : "NO"}`,
  );
  return ok && doubledAlerts.length === 0 && doubledTickets.length === 0;
};

const main = async () => {
  const fresh = await createFreshDatabase(SERVER, "tessera_cluster");
  const primary = await createDb({ url: fresh.url });
  await primary.migrate();
  const keys = await seedLicenses(primary.db, LICENSES);
  const tenants = await tenantsOf(primary, 50);
  const replica = await startStreamingReplica();
  const pooler = await startPgBouncer({ serverUrl: SERVER, poolSize: 10 });
  const database = new URL(fresh.url).pathname;
  const env = {
    DATABASE_URL: `${pooler.url}${database}`,
    DATABASE_POOLER: "pgbouncer",
    DATABASE_DIRECT_URL: fresh.url,
    DATABASE_REPLICA_URL: replica.urlFor(fresh.url),
    SEED_DEMO: "false",
    LOG_LEVEL: "warn",
    RATE_LIMIT_STORE: "postgres",
    VALIDATE_MAX_PER_IP: "100000000",
    VALIDATE_MAX_PER_KEY: "100000000",
    ENCRYPTION_KEY: randomBytes(32).toString("base64"),
  };
  const pickKey = sequenceKeys(keys, zipfSequence(keys.length, 200_000));
  const baseline = newTally();
  const cluster = newTally();
  try {
    const single = await instance({
      ...env,
      DATABASE_URL: fresh.url,
      DATABASE_POOLER: "none",
      DATABASE_DIRECT_URL: "",
      DATABASE_REPLICA_URL: "",
    });
    try {
      await drive(
        operations(`http://127.0.0.1:${single.port}`, pickKey, tenants, baseline),
        WORKERS,
        SECONDS,
        baseline,
      );
    } finally {
      stop(single.child);
    }
    const servers = [await instance(env), await instance(env)];
    const proxy = await roundRobin(servers.map((server) => server.port));
    try {
      await drive(operations(proxy.url, pickKey, tenants, cluster), WORKERS, SECONDS, cluster);
      report(cluster, baseline);
      const lags = await Promise.all(servers.map((server) => lagOf(server.port)));
      console.log(`\nreplica lag at the end, per instance (s): ${lags.join(", ")}`);
    } finally {
      proxy.close();
      for (const server of servers) stop(server.child);
    }
    // both phases wrote to the same database: the invariants hold over everything acknowledged
    for (const [organizationId, total] of baseline.acknowledged) {
      cluster.acknowledged.set(organizationId, (cluster.acknowledged.get(organizationId) ?? 0) + total);
    }
    cluster.retries += baseline.retries;
    process.exitCode = (await invariants(primary, cluster)) ? 0 : 1;
  } finally {
    await pooler.stop();
    await replica.stop();
    await replica.remove();
    await primary.close();
    await fresh.drop();
  }
};

await main();
process.exit(process.exitCode ?? 0);
