// Servers and load for bench/validate.ts: start a process and wait for its ready line, drive
// it with autocannon over a key sequence, read its peak resident memory.
import { type ChildProcess, spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import autocannon from "autocannon";

export const CONNECTIONS = 10;
export const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);

export const start = (command: string, args: string[], env: Record<string, string>, ready: RegExp) =>
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
export const peakMemoryMiB = (child: ChildProcess): number => {
  const status = readFileSync(`/proc/${child.pid}/status`, "utf8");
  const kib = Number(status.match(/VmHWM:\s+(\d+) kB/)?.[1] ?? 0);
  return Math.round((kib / 1024) * 10) / 10;
};

export const stop = (child: ChildProcess) => {
  child.removeAllListeners("exit");
  if (child.pid) process.kill(-child.pid, "SIGTERM");
};

export interface Figures {
  name: string;
  requestsPerSecond: number;
  p50: number;
  p99: number;
  errors: number;
  non2xx: number;
}

/** Which key each request sends: uniform at random, or the next of a fixed sequence. */
export type KeyPicker = () => string;

export const uniformKeys =
  (keys: string[]): KeyPicker =>
  () =>
    keys[Math.floor(Math.random() * keys.length)] ?? "";

/** A seeded generator (mulberry32): every run, and every server in it, gets the same sequence. */
const seeded = (seed: number) => () => {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};

/**
 * Key indices drawn Zipf-distributed (s = 1: the k-th most popular key is asked 1/k as
 * often as the first) over `count` keys, `length` of them, from a fixed seed.
 */
export const zipfSequence = (count: number, length: number, s = 1): number[] => {
  const cumulative = new Float64Array(count);
  let total = 0;
  for (let k = 0; k < count; k++) {
    total += 1 / (k + 1) ** s;
    cumulative[k] = total;
  }
  const random = seeded(20);
  return Array.from({ length }, () => {
    const target = random() * total;
    let low = 0;
    let high = count - 1;
    while (low < high) {
      const middle = (low + high) >> 1;
      if ((cumulative[middle] as number) < target) low = middle + 1;
      else high = middle;
    }
    return low;
  });
};

/** Walks the same Zipf sequence from its start for each server: same keys, same order. */
export const sequenceKeys = (keys: string[], sequence: number[]): KeyPicker => {
  let position = 0;
  return () => keys[sequence[position++ % sequence.length] ?? 0] ?? "";
};

/** One server's load of an alternating comparison. */
export interface Run {
  name: string;
  url: string;
  pick: KeyPicker;
  body: (key: string) => unknown;
}

export const ROUNDS = 3;
export const ROUND_SECONDS = Math.ceil(SECONDS / ROUNDS);
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;

/**
 * The runs in turn, ROUNDS times, each round SECONDS / ROUNDS long (rounded up), after a warm-up of each:
 * whatever slows one stretch of the run (JIT warm-up, a collection, the machine) falls on
 * every run alike instead of on whichever went first. Throughput is the mean over the rounds,
 * latencies the median round's.
 */
export const loadAlternating = async (runs: Run[]): Promise<Figures[]> => {
  const request = (run: Run) => ({
    method: "POST" as const,
    headers: { "content-type": "application/json" },
    setupRequest: (base: object) => ({ ...base, body: JSON.stringify(run.body(run.pick())) }),
  });
  for (const run of runs) {
    await autocannon({ url: run.url, connections: CONNECTIONS, duration: 2, requests: [request(run)] });
  }
  const rounds = runs.map(() => [] as autocannon.Result[]);
  for (let round = 0; round < ROUNDS; round++) {
    for (const [index, run] of runs.entries()) {
      const result = await autocannon({
        url: run.url,
        connections: CONNECTIONS,
        duration: ROUND_SECONDS,
        requests: [request(run)],
      });
      rounds[index]?.push(result);
    }
  }
  return runs.map((run, index) => {
    const results = rounds[index] ?? [];
    const sum = (pick: (result: autocannon.Result) => number) =>
      results.reduce((total, r) => total + pick(r), 0);
    return {
      name: run.name,
      requestsPerSecond: Math.round(sum((r) => r.requests.average) / Math.max(results.length, 1)),
      p50: median(results.map((r) => r.latency.p50)),
      p99: median(results.map((r) => r.latency.p99)),
      errors: sum((r) => r.errors),
      non2xx: sum((r) => r.non2xx),
    };
  });
};
