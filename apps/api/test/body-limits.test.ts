import { request } from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type RunningApp, startApp } from "../src/app.ts";
import { loadConfig } from "../src/config.ts";
import { openTestDatabase } from "./database.ts";

/**
 * Body and batch caps over real HTTP: an anonymous client must not make the server buffer
 * a huge body, run a huge batch, or see its connection reset instead of the 413.
 */
let app: RunningApp;
beforeAll(async () => {
  const config = loadConfig({
    PORT: "0",
    DATA_DIR: "/tmp/tessera-body-limits-test",
    SEED_DEMO: "true",
    LOG_LEVEL: "silent",
  });
  app = await startApp(config, { dbHandle: await openTestDatabase(), jobs: false });
}, 90_000);
afterAll(() => app.close());

const MiB = 1024 * 1024;

/** A body of `total` bytes of spaces sent chunked (no Content-Length), counting what left. */
const streamedBody = (total: number) => {
  const chunk = Buffer.alloc(64 * 1024, 0x20);
  const sent = { bytes: 0 };
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (sent.bytes >= total) return controller.close();
      sent.bytes += chunk.length;
      controller.enqueue(chunk);
    },
  });
  return { body, sent };
};

/** Largest RSS growth of this process (the server's too) while `work` runs. */
const peakRssGrowth = async <T>(work: () => Promise<T>) => {
  const before = process.memoryUsage().rss;
  let peak = before;
  const sampler = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, 5);
  try {
    const result = await work();
    return { result, growth: Math.max(peak, process.memoryUsage().rss) - before };
  } finally {
    clearInterval(sampler);
  }
};

describe("body cap", () => {
  it("answers 413 to 200 MB streamed to auth.signIn, without buffering it, while /healthz stays quick", async () => {
    const { body, sent } = streamedBody(200 * MiB);
    const latencies: number[] = [];
    let refusing = true;
    const probe = (async () => {
      while (refusing) {
        const started = performance.now();
        await fetch(`${app.url}/healthz`);
        latencies.push(performance.now() - started);
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
    })();
    const { result, growth } = await peakRssGrowth(async () => {
      const response = await fetch(`${app.url}/trpc/auth.signIn`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body,
        duplex: "half",
      } as RequestInit);
      return { status: response.status, json: await response.json() };
    });
    refusing = false;
    await probe;
    expect(result.status).toBe(413);
    expect(result.json).toMatchObject({
      error: {
        json: { data: { code: "PAYLOAD_TOO_LARGE", field: "body" }, message: "body must be at most 1 MiB" },
      },
    });
    console.info(
      `200 MB to auth.signIn: 413 after ${(sent.bytes / MiB).toFixed(1)} MiB sent; peak RSS growth ${(growth / MiB).toFixed(1)} MiB; /healthz worst ${Math.max(...latencies).toFixed(1)} ms over ${latencies.length} probes`,
    );
    expect(sent.bytes).toBeLessThan(200 * MiB);
    expect(growth).toBeLessThan(64 * MiB);
  });

  it("answers 413 at once to a declared Content-Length over the cap", async () => {
    const response = await new Promise<{ status: number; body: string }>((resolve, reject) => {
      const req = request(
        `${app.url}/trpc/auth.signIn`,
        {
          method: "POST",
          headers: { "content-type": "application/json", "content-length": String(200 * MiB) },
        },
        (res) => {
          let text = "";
          res.on("data", (chunk) => {
            text += chunk;
          });
          res.on("end", () => resolve({ status: res.statusCode ?? 0, body: text }));
        },
      );
      req.on("error", reject);
      req.write("{"); // the headers and one byte: the answer comes without the other 200 MB
    });
    expect(response.status).toBe(413);
    expect(JSON.parse(response.body)).toMatchObject({
      error: { json: { data: { code: "PAYLOAD_TOO_LARGE" } } },
    });
  });

  it("lets a body just under the cap through to the procedure", async () => {
    const padding = "x".repeat(MiB - 200);
    const response = await fetch(`${app.url}/trpc/auth.signIn`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ json: { email: "nobody@example.com", password: "p", padding } }),
    });
    expect(response.status).not.toBe(413);
  });

  it("answers the validate endpoint's 413 JSON to 10 MB, not a connection reset", async () => {
    const response = await fetch(`${app.url}/api/v1/licenses/validate`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: Buffer.alloc(10 * MiB, 0x20),
    });
    expect(response.status).toBe(413);
    expect(await response.json()).toMatchObject({
      error: { code: "PAYLOAD_TOO_LARGE", field: "body", message: "body must be at most 16 KiB" },
    });
  });

  it("caps REST bodies at 1 MiB too, streamed or declared", async () => {
    const { body } = streamedBody(4 * MiB);
    const response = await fetch(`${app.url}/api/v1/tickets`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body,
      duplex: "half",
    } as RequestInit);
    expect(response.status).toBe(413);
    expect(await response.json()).toMatchObject({ error: { code: "PAYLOAD_TOO_LARGE", field: "body" } });
  });
});

describe("batch cap", () => {
  const batch = (calls: number) =>
    fetch(`${app.url}/trpc/${Array(calls).fill("auth.discoverSso").join(",")}?batch=1`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(
        Object.fromEntries(
          Array.from({ length: calls }, (_, i) => [i, { json: { email: `u${i}@example.com` } }]),
        ),
      ),
    });

  it("answers 413 naming the cap to a batch of 21 calls, before running any", async () => {
    const response = await batch(21);
    expect(response.status).toBe(413);
    expect(await response.json()).toMatchObject({
      error: {
        json: {
          message: "batch must hold at most 20 calls",
          data: { code: "PAYLOAD_TOO_LARGE", field: "batch" },
        },
      },
    });
  });

  it("runs a batch of 20 (each call answers for itself: unknown domains are NOT_FOUND)", async () => {
    const response = await batch(20);
    expect(response.status).not.toBe(413);
    expect(((await response.json()) as unknown[]).length).toBe(20);
  });
});
