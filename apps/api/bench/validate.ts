// pnpm bench:validate — validation throughput and latency over HTTP on loopback, each beside
// a bare node:http baseline measured in the same run, the two taking their rounds in turn:
// - uniform random keys, cache cold at the start: REST and tRPC vs node:http + postgres.js;
// - Zipf keys (s = 1), cache warm: REST and tRPC vs node:http + an in-memory Map, walking the
//   same key sequence;
// - tRPC vs REST on the same server, in alternating rounds; PGlite vs PostgreSQL; peak
//   resident memory.
// Then token verification with jose beside crypto.verify. PostgreSQL when DATABASE_URL is set
// (a fresh database), Tessera on PGlite always. BENCH_DIST names another build's main.js
// (to measure a before and an after with the same script).
import { randomBytes } from "node:crypto";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createDb, createFreshDatabase } from "@tessera/db";
import { type BenchResult, recordResults } from "./results.ts";
import { seedLicenses } from "./seed-licenses.ts";
import { tokenVerification } from "./token-verify.ts";
import {
  CONNECTIONS,
  type Figures,
  type KeyPicker,
  loadAlternating,
  peakMemoryMiB,
  ROUND_SECONDS,
  ROUNDS,
  type Run,
  sequenceKeys,
  start,
  stop,
  uniformKeys,
  zipfSequence,
} from "./validate-load.ts";

const LICENSES = Number(process.env.BENCH_LICENSES ?? 10_000);
const here = new URL(".", import.meta.url).pathname;
const MAIN = process.env.BENCH_DIST ?? join(here, "../dist/main.js");
/** One Zipf sequence for every server of the run. */
const ZIPF = zipfSequence(LICENSES, 200_000);

/**
 * The product's own start command (`pnpm start` in apps/api, which scripts/start.sh runs too),
 * V8 heap flags included, with BENCH_DIST's main.js in place of dist/main.js.
 */
const startCommand = (): string[] => {
  const manifest = JSON.parse(readFileSync(join(here, "../package.json"), "utf8"));
  const [command = "node", ...args] = String(manifest.scripts.start).split(/\s+/);
  return [command, ...args.map((arg) => (arg === "dist/main.js" ? MAIN : arg))];
};

const tessera = async (env: Record<string, string>) => {
  const port = String(20_000 + Math.floor(Math.random() * 10_000));
  const [command = "node", ...args] = startCommand();
  const server = await start(
    command,
    args,
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

const baselineServer = async (file: string, databaseUrl: string) => {
  const server = await start(
    "node",
    ["--import", "tsx", join(here, file)],
    { DATABASE_URL: databaseUrl, PORT: "0" },
    /listening \d+/,
  );
  return { server, url: `http://127.0.0.1:${server.output.match(/listening (\d+)/)?.[1]}/` };
};

const figures: Figures[] = [];
const memory: { name: string; mib: number }[] = [];
const rest = (key: string) => ({ key });
const trpc = (key: string) => ({ json: { key } });

/** Same-run baselines that take their rounds in turn with Tessera's (PostgreSQL only). */
interface Baselines {
  uniform: Run;
  zipf: Run;
}

/**
 * Uniform keys on a fresh server, then the Zipf sequence; REST, tRPC and the baseline for
 * those keys (when given) in alternating rounds (`loadAlternating`): a baseline measured
 * minutes apart from what it is compared with read up to twice as fast from one run to the
 * next on this 2-core machine, so every compared pair shares each stretch of the run.
 */
const measureTessera = async (label: string, app: { url: string }, keys: string[], baselines?: Baselines) => {
  const restUrl = `${app.url}/api/v1/licenses/validate`;
  const trpcUrl = `${app.url}/trpc/licenses.validate`;
  const both = (suffix: string, pick: () => KeyPicker): Run[] => [
    { name: `${label} REST${suffix}`, url: restUrl, pick: pick(), body: rest },
    { name: `${label} tRPC${suffix}`, url: trpcUrl, pick: pick(), body: trpc },
  ];
  const uniform = both("", () => uniformKeys(keys));
  const zipf = both(" warm Zipf", () => sequenceKeys(keys, ZIPF));
  figures.push(...(await loadAlternating(baselines ? [baselines.uniform, ...uniform] : uniform)));
  figures.push(...(await loadAlternating(baselines ? [baselines.zipf, ...zipf] : zipf)));
};

const serverUrl = process.env.DATABASE_URL;
if (serverUrl) {
  const fresh = await createFreshDatabase(serverUrl, "tessera_bench");
  const handle = await createDb({ url: fresh.url });
  await handle.migrate();
  const keys = await seedLicenses(handle.db, LICENSES);
  await handle.close();
  try {
    const pg = await baselineServer("baseline-server.ts", fresh.url);
    const map = await baselineServer("baseline-server-map.ts", fresh.url);
    const app = await tessera({ DATABASE_URL: fresh.url });
    await measureTessera("Tessera PostgreSQL", app, keys, {
      uniform: { name: "baseline node:http + postgres.js", url: pg.url, pick: uniformKeys(keys), body: rest },
      zipf: {
        name: "baseline node:http + Map (Zipf)",
        url: map.url,
        pick: sequenceKeys(keys, ZIPF),
        body: rest,
      },
    });
    memory.push({ name: "baseline node:http + postgres.js", mib: peakMemoryMiB(pg.server.child) });
    memory.push({ name: "Tessera PostgreSQL", mib: peakMemoryMiB(app.server.child) });
    for (const server of [pg, map, app]) stop(server.server.child);
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
  await measureTessera("Tessera PGlite", app, keys);
  memory.push({ name: "Tessera PGlite", mib: peakMemoryMiB(app.server.child) });
  stop(app.server.child);
}

const row = (name: string) => figures.find((candidate) => candidate.name === name);
/** Which row each is compared with, in the table and in the results. */
const baselineName = (name: string): string | undefined => {
  if (name.startsWith("baseline")) return undefined;
  if (name.startsWith("Tessera PostgreSQL")) {
    return name.endsWith("Zipf") ? "baseline node:http + Map (Zipf)" : "baseline node:http + postgres.js";
  }
  if (name.startsWith("Tessera PGlite")) return name.replace("PGlite", "PostgreSQL");
  return undefined;
};

console.log(
  `\nLicense validation over HTTP: ${LICENSES} licenses, ${CONNECTIONS} connections, ${ROUNDS} rounds of ${ROUND_SECONDS} s per server\n`,
);
console.log("| server | req/s | p50 ms | p99 ms | errors | non-2xx | baseline | req/s ratio | p99 ratio |");
console.log("|---|---:|---:|---:|---:|---:|---|---:|---:|");
for (const figure of figures) {
  const base = row(baselineName(figure.name) ?? "");
  const ratio = base ? (figure.requestsPerSecond / base.requestsPerSecond).toFixed(2) : "—";
  const p99 = base ? (figure.p99 / Math.max(base.p99, 1)).toFixed(2) : "—";
  console.log(
    `| ${figure.name} | ${figure.requestsPerSecond} | ${figure.p50} | ${figure.p99} | ${figure.errors} | ${figure.non2xx} | ${base?.name ?? "—"} | ${ratio} | ${p99} |`,
  );
}

const typedVsRest: { name: string; typed: Figures; rest: Figures }[] = [];
for (const database of ["PostgreSQL", "PGlite"]) {
  for (const keys of ["", " warm Zipf"]) {
    const typed = row(`Tessera ${database} tRPC${keys}`);
    const restRow = row(`Tessera ${database} REST${keys}`);
    if (typed && restRow) typedVsRest.push({ name: `Tessera ${database}${keys}`, typed, rest: restRow });
  }
}
console.log("\ntRPC licenses.validate vs REST validate, same server\n");
console.log("| server | tRPC req/s | REST req/s | ratio | tRPC p99 | REST p99 |");
console.log("|---|---:|---:|---:|---:|---:|");
for (const { name, typed, rest: restRow } of typedVsRest) {
  const ratio = (typed.requestsPerSecond / restRow.requestsPerSecond).toFixed(2);
  console.log(
    `| ${name} | ${typed.requestsPerSecond} | ${restRow.requestsPerSecond} | ${ratio} | ${typed.p99} | ${restRow.p99} |`,
  );
}

const tokens = await tokenVerification();
console.log("\nOffline token verification (Ed25519), one core\n");
console.log("| verifier | verifications/s |");
console.log("|---|---:|");
for (const token of tokens) console.log(`| ${token.name} | ${token.perSecond} |`);

console.log("\nAPI peak resident memory (VmHWM) after the validation load\n");
console.log("| server | peak MiB |");
console.log("|---|---:|");
for (const entry of memory) console.log(`| ${entry.name} | ${entry.mib} |`);

const against = <T>(base: T | undefined, name: string, pick: (value: T) => number) =>
  base ? { baseline: { name, value: pick(base) } } : {};
const results: BenchResult[] = [];
for (const figure of figures.filter((candidate) => !candidate.name.startsWith("baseline"))) {
  const base = row(baselineName(figure.name) ?? "");
  results.push(
    {
      area: "validation",
      measure: `${figure.name} throughput`,
      value: figure.requestsPerSecond,
      unit: "req/s",
      ...against(base, base?.name ?? "", (b) => b.requestsPerSecond),
    },
    {
      area: "validation",
      measure: `${figure.name} p99`,
      value: figure.p99,
      unit: "ms",
      ...against(base, base?.name ?? "", (b) => b.p99),
    },
  );
}
for (const { name, typed, rest: restRow } of typedVsRest) {
  results.push({
    area: "validation",
    measure: `${name} tRPC vs REST throughput`,
    value: typed.requestsPerSecond,
    unit: "req/s",
    baseline: { name: `${name} REST`, value: restRow.requestsPerSecond },
  });
}
const crypto = tokens.find((token) => token.name.startsWith("baseline"));
for (const token of tokens.filter((candidate) => !candidate.name.startsWith("baseline"))) {
  results.push({
    area: "tokens",
    measure: token.name,
    value: token.perSecond,
    unit: "verifications/s",
    ...against(crypto, crypto?.name ?? "", (b) => b.perSecond),
  });
}
const baselineMemory = memory.find((entry) => entry.name.startsWith("baseline"));
for (const entry of memory.filter((candidate) => !candidate.name.startsWith("baseline"))) {
  results.push({
    area: "memory",
    measure: `${entry.name} API peak RSS under validation load`,
    value: entry.mib,
    unit: "MiB",
    ...(entry.name.includes("PostgreSQL")
      ? against(baselineMemory, baselineMemory?.name ?? "", (b) => b.mib)
      : {}),
  });
}
recordResults(results);
process.exit(0);
