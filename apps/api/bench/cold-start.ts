// pnpm bench (after validate.ts) — cold start of the built API on an existing PGlite data
// folder: the median time from spawning `node dist/main.js` to its "running at" line, over
// RUNS starts, beside a bare `new PGlite(dir)` + `select 1` in a child process on the same
// folder, measured in the same run. BENCH_DIST names another build's main.js, as in validate.ts.
import { type ChildProcess, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { recordResults } from "./results.ts";

const RUNS = Number(process.env.BENCH_COLD_RUNS ?? 5);
const here = new URL(".", import.meta.url).pathname;
const pgliteEntry = createRequire(createRequire(import.meta.url).resolve("@tessera/db/package.json")).resolve(
  "@electric-sql/pglite",
);

/** Milliseconds from spawn until `ready` shows on stdout; then SIGTERM and wait for a clean exit. */
const timeToReady = (args: string[], env: Record<string, string>, ready: RegExp) =>
  new Promise<number>((resolve, reject) => {
    const started = performance.now();
    const child: ChildProcess = spawn("node", args, {
      env: { ...process.env, ...env },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    let elapsed: number | undefined;
    child.stdout?.on("data", (chunk: Buffer) => {
      output += chunk.toString();
      if (elapsed !== undefined || !ready.test(output)) return;
      elapsed = performance.now() - started;
      child.kill("SIGTERM");
    });
    child.stderr?.on("data", (chunk: Buffer) => {
      output += chunk.toString();
    });
    child.on("exit", (code) =>
      elapsed === undefined
        ? reject(new Error(`node exited ${code} before ready: ${output}`))
        : resolve(elapsed),
    );
  });

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
};

const dataDir = mkdtempSync(join(tmpdir(), "tessera-cold-"));
const env = {
  DATA_DIR: dataDir,
  DATABASE_URL: "",
  PORT: "0",
  LOG_LEVEL: "warn",
  ENCRYPTION_KEY: randomBytes(32).toString("base64"),
};
const app = [process.env.BENCH_DIST ?? join(here, "../dist/main.js")];
// The bare open, written out so it loads nothing of ours; the app stops it with SIGTERM too.
const bare = [
  "-e",
  `const { PGlite } = require(${JSON.stringify(pgliteEntry)});
  (async () => {
    const pg = new PGlite(${JSON.stringify(join(dataDir, "pglite"))});
    await pg.query("select 1");
    console.log("ready");
    process.on("SIGTERM", () => pg.close().then(() => process.exit(0)));
  })();`,
];

try {
  // First start: creates, migrates and seeds the folder (not measured).
  await timeToReady(app, { ...env, SEED_DEMO: "true" }, /running at/);
  const appTimes: number[] = [];
  const bareTimes: number[] = [];
  for (let run = 0; run < RUNS; run++) {
    bareTimes.push(await timeToReady(bare, {}, /ready/));
    appTimes.push(await timeToReady(app, { ...env, SEED_DEMO: "false" }, /running at/));
  }
  const appMs = Math.round(median(appTimes));
  const bareMs = Math.round(median(bareTimes));
  console.log(`\nCold start on an existing PGlite data folder, median of ${RUNS}\n`);
  console.log("| start | median ms | runs ms | vs baseline |");
  console.log("|---|---:|---|---:|");
  console.log(
    `| baseline: bare PGlite open + select 1 | ${bareMs} | ${bareTimes.map(Math.round).join(", ")} | 1.00 |`,
  );
  console.log(
    `| Tessera API to "running at" | ${appMs} | ${appTimes.map(Math.round).join(", ")} | ${(appMs / bareMs).toFixed(2)} |`,
  );
  recordResults([
    {
      area: "cold start",
      measure: 'PGlite API start to "running at" (median)',
      value: appMs,
      unit: "ms",
      baseline: { name: "bare PGlite open + select 1", value: bareMs },
    },
  ]);
} finally {
  rmSync(dataDir, { recursive: true, force: true });
}
