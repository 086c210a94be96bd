import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { type AddressInfo, connect, createServer, type Server, type Socket } from "node:net";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { createDb, createFreshDatabase } from "@tessera/db";
import { afterAll, describe, expect, it } from "vitest";
import { type RunningApp, startApp } from "../src/app.ts";
import { loadConfig } from "../src/config.ts";
import { DEMO_PASSWORD } from "../src/seed/demo.ts";

const apiDir = resolve(import.meta.dirname, "..");
const serverUrl = process.env.DATABASE_URL;
const cleanups: (() => Promise<unknown> | unknown)[] = [];
afterAll(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
});

/** tRPC over plain fetch, as a client would. */
const trpc = async (base: string, path: string, body: unknown, headers: Record<string, string> = {}) => {
  const response = await fetch(`${base}/trpc/${path}`, {
    method: "POST",
    headers: { "content-type": "application/json", origin: base, ...headers },
    body: JSON.stringify({ json: body }),
  });
  const json = (await response.json()) as { result?: { data: { json: Record<string, unknown> } } };
  return { status: response.status, data: json.result?.data.json, headers: response.headers };
};

/** An API key of the demo Northwind owner, with usage:write. */
const northwindKey = async (base: string) => {
  const signIn = await trpc(base, "auth.signIn", { email: "owner@northwind.test", password: DEMO_PASSWORD });
  const cookie = signIn.headers.get("set-cookie")?.split(";")[0] ?? "";
  const created = await trpc(
    base,
    "apiKeys.createMine",
    { name: "fault test", scopes: ["usage:write"] },
    { cookie },
  );
  return { key: String(created.data?.key), cookie };
};

describe("SIGKILL in the middle of usage.trackBatch", () => {
  /** The API as its own process (the current source through tsx), on PGlite files or a PostgreSQL database. */
  const launch = async (env: Record<string, string>) => {
    const port = 21_000 + Math.floor(Math.random() * 9_000);
    // One process (node with tsx as a loader), so SIGKILL hits the server itself.
    const child = spawn(process.execPath, ["--import", "tsx", "src/main.ts"], {
      cwd: apiDir,
      env: { ...process.env, ...env, PORT: String(port), LOG_LEVEL: "warn", SEED_DEMO: "true" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    await new Promise<void>((ready, fail) => {
      const onData = (chunk: Buffer) => {
        output += chunk.toString();
        if (output.includes("running at")) {
          child.stdout?.off("data", onData);
          child.stdout?.resume();
          ready();
        }
      };
      child.stdout?.on("data", onData);
      child.stderr?.on("data", (chunk: Buffer) => {
        output += chunk.toString();
      });
      child.once("exit", (code) =>
        fail(new Error(`the API exited (${code}) before it was ready: ${output}`)),
      );
    });
    child.removeAllListeners("exit");
    cleanups.push(() => child.kill("SIGKILL"));
    return { child, base: `http://127.0.0.1:${port}` };
  };

  it("every acknowledged event is there exactly once after a restart, and the totals agree", async () => {
    const env: Record<string, string> = {
      ENCRYPTION_KEY: Buffer.alloc(32, 7).toString("base64"),
      HOST: "127.0.0.1",
    };
    if (serverUrl) {
      const fresh = await createFreshDatabase(serverUrl, "tessera_fault");
      cleanups.push(() => fresh.drop());
      env.DATABASE_URL = fresh.url;
    } else {
      const dataDir = mkdtempSync(join(tmpdir(), "tessera-sigkill-"));
      cleanups.push(() => rmSync(dataDir, { recursive: true, force: true }));
      env.DATA_DIR = dataDir;
    }
    const first = await launch(env);
    const { key } = await northwindKey(first.base);

    const BATCH = 25;
    const batchEvents = (batch: number) =>
      Array.from({ length: BATCH }, (_, index) => ({
        metric: "API_CALLS",
        value: 1,
        idempotencyKey: `kill-${batch}-${index}`,
      }));
    const send = (base: string, batch: number) =>
      trpc(base, "usage.trackBatch", { events: batchEvents(batch) }, { authorization: `Bearer ${key}` });

    const acknowledged = new Set<number>();
    const attempted = new Set<number>();
    let next = 0;
    let killed = false;
    const worker = async () => {
      while (!killed) {
        const batch = next++;
        attempted.add(batch);
        try {
          const response = await send(first.base, batch);
          if (response.status === 200) acknowledged.add(batch);
        } catch {
          return; // the connection died with the process
        }
        if (acknowledged.size >= 20 && !killed) {
          killed = true;
          first.child.kill("SIGKILL"); // others' requests are still in flight
        }
      }
    };
    await Promise.all([worker(), worker(), worker(), worker()]);
    // Killed by a signal, a process has signalCode set and exitCode null.
    if (first.child.exitCode === null && first.child.signalCode === null) {
      await new Promise((resolve) => first.child.once("exit", resolve));
    }
    expect(acknowledged.size).toBeGreaterThanOrEqual(20);

    const second = await launch(env);
    // Re-sending an acknowledged batch finds every event already recorded: present, once.
    for (const batch of acknowledged) {
      const again = await send(second.base, batch);
      expect(again.status).toBe(200);
      expect(again.data).toMatchObject({ accepted: 0, duplicates: BATCH });
    }
    // Batches in flight at the kill were all or nothing: re-sent, each is wholly new or wholly known.
    let recorded = acknowledged.size * BATCH;
    for (const batch of [...attempted].filter((b) => !acknowledged.has(b))) {
      const again = await send(second.base, batch);
      expect(again.status).toBe(200);
      expect([0, BATCH]).toContain(again.data?.accepted);
      recorded += BATCH;
    }
    // The rollups agree with the events: each attempted event counted exactly once.
    const { cookie } = await northwindKey(second.base);
    const usage = await fetch(`${second.base}/trpc/usage.myCurrent`, { headers: { cookie } });
    const body = (await usage.json()) as { result: { data: { json: { usage: { API_CALLS: number } } } } };
    expect(body.result.data.json.usage.API_CALLS).toBe(recorded);
  }, 180_000);
});

/** A TCP proxy in front of PostgreSQL that the test can cut and restore: the database "goes away". */
const startProxy = async (target: { host: string; port: number }) => {
  const sockets = new Set<Socket>();
  let server: Server | null = null;
  let port = 0;
  const open = () =>
    new Promise<void>((resolve) => {
      const listening = createServer((client) => {
        const upstream = connect(target.port, target.host);
        sockets.add(client).add(upstream);
        client.pipe(upstream).pipe(client);
        const drop = () => {
          client.destroy();
          upstream.destroy();
          sockets.delete(client);
          sockets.delete(upstream);
        };
        for (const socket of [client, upstream]) socket.on("error", drop).on("close", drop);
      });
      server = listening;
      listening.listen(port, "127.0.0.1", () => {
        port = (listening.address() as AddressInfo).port;
        resolve();
      });
    });
  await open();
  return {
    port: () => port,
    cut: () =>
      new Promise<void>((resolve) => {
        server?.close(() => resolve());
        for (const socket of sockets) socket.destroy();
        sockets.clear();
      }),
    restore: open,
  };
};

describe.skipIf(!serverUrl)("the database goes away under load and comes back", () => {
  it("/readyz turns unready, requests answer 503 at once, and service resumes without a restart", async () => {
    const fresh = await createFreshDatabase(serverUrl ?? "", "tessera_outage");
    cleanups.push(() => fresh.drop());
    const target = new URL(fresh.url);
    const proxy = await startProxy({ host: target.hostname, port: Number(target.port || 5432) });
    cleanups.push(() => proxy.cut());
    const proxied = new URL(fresh.url);
    proxied.hostname = "127.0.0.1";
    proxied.port = String(proxy.port());
    const config = loadConfig({
      PORT: "0",
      HOST: "127.0.0.1",
      DATA_DIR: "/tmp/tessera-outage-test",
      SEED_DEMO: "true",
      LOG_LEVEL: "silent",
    });
    const app: RunningApp = await startApp(config, {
      dbHandle: await createDb({ url: proxied.href, connectTimeoutSeconds: 2 }),
      jobs: false,
    });
    cleanups.push(() => app.close().catch(() => {}));
    const { cookie } = await northwindKey(app.url);

    // Load: the session read and current usage, each a database query, from 6 clients.
    type Outcome = { status: number; phase: string };
    const outcomes: Outcome[] = [];
    let phase = "up";
    let running = true;
    const client = async (n: number) => {
      for (let i = 0; running; i++) {
        const current = phase;
        const path = (n + i) % 2 ? "auth.me" : "usage.myCurrent";
        const response = await fetch(`${app.url}/trpc/${path}`, { headers: { cookie } });
        await response.arrayBuffer();
        outcomes.push({ status: response.status, phase: current === phase ? current : "transition" });
      }
    };
    const load = Promise.all([0, 1, 2, 3, 4, 5].map(client));
    const waitFor = async (what: string, predicate: () => Promise<boolean> | boolean) => {
      for (let i = 0; i < 300; i++) {
        if (await predicate()) return;
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      const seen = new Map<string, number>();
      for (const o of outcomes)
        seen.set(`${o.phase}:${o.status}`, (seen.get(`${o.phase}:${o.status}`) ?? 0) + 1);
      throw new Error(`timed out waiting for ${what}; seen ${JSON.stringify([...seen])}`);
    };
    const count = (which: string) => outcomes.filter((outcome) => outcome.phase === which).length;
    const readyz = async () => (await fetch(`${app.url}/readyz`)).status;

    await waitFor("load", () => count("up") >= 60);
    phase = "down";
    await proxy.cut();
    await waitFor("unready", async () => (await readyz()) === 503);
    await waitFor("503s", () => count("down") >= 60);
    phase = "back";
    await proxy.restore();
    await waitFor("ready again", async () => (await readyz()) === 200);
    const resumedAt = outcomes.length;
    await waitFor("load after", () => outcomes.length >= resumedAt + 60);
    running = false;
    await load;

    const statuses = (which: string) => [
      ...new Set(outcomes.filter((o) => o.phase === which).map((o) => o.status)),
    ];
    expect(statuses("up")).toEqual([200]);
    expect(statuses("down")).toEqual([503]);
    // After readiness returned, everything succeeds again: the same process, new connections.
    expect([...new Set(outcomes.slice(resumedAt).map((o) => o.status))]).toEqual([200]);
    expect(outcomes.some((o) => o.status >= 500 && o.status !== 503)).toBe(false);
  }, 180_000);
});
