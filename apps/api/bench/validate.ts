// pnpm bench:validate — validation throughput and latency over HTTP on loopback, beside a
// bare node:http + postgres.js baseline measured in the same run; then token verification
// with jose beside crypto.verify. PostgreSQL when DATABASE_URL is set (a fresh database),
// and Tessera on PGlite always.
import { type ChildProcess, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createDb, createFreshDatabase } from "@tessera/db";
import autocannon from "autocannon";
import { recordResults } from "./results.ts";
import { seedLicenses } from "./seed-licenses.ts";
import { tokenVerification } from "./token-verify.ts";

const LICENSES = Number(process.env.BENCH_LICENSES ?? 10_000);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const CONNECTIONS = 10;
const here = new URL(".", import.meta.url).pathname;

const start = (command: string, args: string[], env: Record<string, string>, ready: RegExp) =>
  new Promise<{ child: ChildProcess; output: string }>((resolve, reject) => {
    const child = spawn(command, args, {
      env: { ...process.env, ...env },
      stdio: ["ignore", "pipe", "pipe"],
      detached: true,
    });
    let output = "";
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (!ready.test(output)) return;
      // Ready: from here on its log lines are drained unread (as a log shipper would take them).
      child.stdout?.off("data", onData);
      child.stdout?.resume();
      resolve({ child, output });
    };
    child.stdout?.on("data", onData);
    child.stderr?.on("data", (chunk: Buffer) => {
      output += chunk.toString();
    });
    child.on("exit", (code) => reject(new Error(`${command} exited ${code}: ${output}`)));
  });

/** A process's peak resident memory so far (Linux VmHWM), in MiB. */
const peakMemoryMiB = (child: ChildProcess): number => {
  const status = readFileSync(`/proc/${child.pid}/status`, "utf8");
  const kib = Number(status.match(/VmHWM:\s+(\d+) kB/)?.[1] ?? 0);
  return Math.round((kib / 1024) * 10) / 10;
};
const memory: { name: string; mib: number }[] = [];

const stop = (child: ChildProcess) => {
  child.removeAllListeners("exit");
  if (child.pid) process.kill(-child.pid, "SIGTERM");
};

interface Figures {
  name: string;
  requestsPerSecond: number;
  p50: number;
  p99: number;
  errors: number;
  non2xx: number;
}

const load = async (
  name: string,
  url: string,
  keys: string[],
  body: (key: string) => unknown,
): Promise<Figures> => {
  const pick = () => keys[Math.floor(Math.random() * keys.length)] ?? "";
  // warm-up, then the measured run
  await autocannon({
    url,
    connections: CONNECTIONS,
    duration: 2,
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body(pick())),
  });
  const result = await autocannon({
    url,
    connections: CONNECTIONS,
    duration: SECONDS,
    requests: [
      {
        method: "POST",
        headers: { "content-type": "application/json" },
        setupRequest: (request) => ({ ...request, body: JSON.stringify(body(pick())) }),
      },
    ],
  });
  return {
    name,
    requestsPerSecond: Math.round(result.requests.average),
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors,
    non2xx: result.non2xx,
  };
};

const tessera = async (env: Record<string, string>) => {
  const port = String(20_000 + Math.floor(Math.random() * 10_000));
  const server = await start(
    "node",
    [join(here, "../dist/main.js")],
    {
      ...env,
      PORT: port,
      SEED_DEMO: "false",
      VALIDATE_MAX_PER_IP: "100000000",
      VALIDATE_MAX_PER_KEY: "100000000",
      ENCRYPTION_KEY: randomBytes(32).toString("base64"),
    },
    /running at/,
  );
  return { server, url: `http://127.0.0.1:${port}` };
};

const figures: Figures[] = [];
const rows = (label: string, url: string) =>
  [
    [`${label} REST`, `${url}/api/v1/licenses/validate`, (key: string) => ({ key })],
    [`${label} tRPC`, `${url}/trpc/licenses.validate`, (key: string) => ({ json: { key } })],
  ] as const;

const serverUrl = process.env.DATABASE_URL;
if (serverUrl) {
  const fresh = await createFreshDatabase(serverUrl, "tessera_bench");
  const handle = await createDb({ url: fresh.url });
  await handle.migrate();
  const keys = await seedLicenses(handle.db, LICENSES);
  await handle.close();
  try {
    const baseline = await start(
      "node",
      ["--import", "tsx", join(here, "baseline-server.ts")],
      { DATABASE_URL: fresh.url, PORT: "0" },
      /listening \d+/,
    );
    const port = baseline.output.match(/listening (\d+)/)?.[1];
    figures.push(
      await load("baseline node:http + postgres.js", `http://127.0.0.1:${port}/`, keys, (key) => ({ key })),
    );
    memory.push({ name: "baseline node:http + postgres.js", mib: peakMemoryMiB(baseline.child) });
    stop(baseline.child);
    const app = await tessera({ DATABASE_URL: fresh.url });
    for (const [label, target, body] of rows("Tessera PostgreSQL", app.url)) {
      figures.push(await load(label, target, keys, body));
    }
    memory.push({ name: "Tessera PostgreSQL", mib: peakMemoryMiB(app.server.child) });
    stop(app.server.child);
  } finally {
    await new Promise((resolve) => setTimeout(resolve, 500));
    await fresh.drop();
  }
}

{
  const dataDir = mkdtempSync(join(tmpdir(), "tessera-bench-"));
  const handle = await createDb({ dataDir: join(dataDir, "pglite") });
  await handle.migrate();
  const keys = await seedLicenses(handle.db, LICENSES);
  await handle.close();
  const app = await tessera({ DATA_DIR: dataDir, DATABASE_URL: "" });
  for (const [label, target, body] of rows("Tessera PGlite", app.url)) {
    figures.push(await load(label, target, keys, body));
  }
  memory.push({ name: "Tessera PGlite", mib: peakMemoryMiB(app.server.child) });
  stop(app.server.child);
}

const baseline = figures.find((row) => row.name.startsWith("baseline"));
console.log(
  `\nLicense validation over HTTP: ${LICENSES} licenses, random keys, ${CONNECTIONS} connections, ${SECONDS} s each\n`,
);
console.log("| server | req/s | p50 ms | p99 ms | errors | non-2xx | req/s vs baseline | p99 vs baseline |");
console.log("|---|---:|---:|---:|---:|---:|---:|---:|");
for (const row of figures) {
  const ratio = baseline ? (row.requestsPerSecond / baseline.requestsPerSecond).toFixed(2) : "—";
  const p99 = baseline ? (row.p99 / Math.max(baseline.p99, 1)).toFixed(2) : "—";
  console.log(
    `| ${row.name} | ${row.requestsPerSecond} | ${row.p50} | ${row.p99} | ${row.errors} | ${row.non2xx} | ${ratio} | ${p99} |`,
  );
}

const tokens = await tokenVerification();
console.log("\nOffline token verification (Ed25519), one core\n");
console.log("| verifier | verifications/s |");
console.log("|---|---:|");
for (const row of tokens) console.log(`| ${row.name} | ${row.perSecond} |`);

console.log("\nAPI peak resident memory (VmHWM) after the validation load\n");
console.log("| server | peak MiB |");
console.log("|---|---:|");
for (const row of memory) console.log(`| ${row.name} | ${row.mib} |`);

const baselineOf = <T>(value: T | undefined, name: string, pick: (row: T) => number) =>
  value ? { baseline: { name, value: pick(value) } } : {};
const baselineMemory = memory.find((row) => row.name.startsWith("baseline"));
const crypto = tokens.find((row) => row.name.startsWith("baseline"));
recordResults([
  ...figures
    .filter((row) => !row.name.startsWith("baseline"))
    .flatMap((row) => [
      {
        area: "validation",
        measure: `${row.name} throughput`,
        value: row.requestsPerSecond,
        unit: "req/s",
        ...(row.name.includes("PostgreSQL")
          ? baselineOf(baseline, baseline?.name ?? "", (b) => b.requestsPerSecond)
          : {}),
      },
      {
        area: "validation",
        measure: `${row.name} p99`,
        value: row.p99,
        unit: "ms",
        ...(row.name.includes("PostgreSQL") ? baselineOf(baseline, baseline?.name ?? "", (b) => b.p99) : {}),
      },
    ]),
  ...tokens
    .filter((row) => !row.name.startsWith("baseline"))
    .map((row) => ({
      area: "tokens",
      measure: row.name,
      value: row.perSecond,
      unit: "verifications/s",
      ...baselineOf(crypto, crypto?.name ?? "", (b) => b.perSecond),
    })),
  ...memory
    .filter((row) => !row.name.startsWith("baseline"))
    .map((row) => ({
      area: "memory",
      measure: `${row.name} API peak RSS under validation load`,
      value: row.mib,
      unit: "MiB",
      ...(row.name.includes("PostgreSQL")
        ? baselineOf(baselineMemory, baselineMemory?.name ?? "", (b) => b.mib)
        : {}),
    })),
]);
process.exit(0);
