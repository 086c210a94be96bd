import { monitorEventLoopDelay, performance } from "node:perf_hooks";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type RunningApp, startApp } from "../src/app.ts";
import { loadConfig } from "../src/config.ts";
import { DEMO_PASSWORD } from "../src/seed/demo.ts";
import { openTestDatabase } from "./database.ts";

/** The real server on a loopback port, its event loop probed through /healthz while it refuses SVGs. */
let app: RunningApp;
let cookie = "";
beforeAll(async () => {
  const config = loadConfig({
    PORT: "0",
    DATA_DIR: "/tmp/tessera-logo-http-test",
    SEED_DEMO: "true",
    LOG_LEVEL: "silent",
    // The 5,000-element SVG must not hit the time limit on a busy test machine.
    SVG_SANITIZE_TIMEOUT_MS: "60000",
  });
  app = await startApp(config, { dbHandle: await openTestDatabase(), jobs: false });
  const response = await fetch(`${app.url}/trpc/auth.signIn`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ json: { email: "owner@northwind.test", password: DEMO_PASSWORD } }),
  });
  cookie = (response.headers.get("set-cookie") ?? "").split(";")[0] ?? "";
});
afterAll(() => app.close());

const NS = 'xmlns="http://www.w3.org/2000/svg"';
const deep = (levels: number) => `<svg ${NS}>${"<g>".repeat(levels)}${"</g>".repeat(levels)}</svg>`;
const wide = (elements: number) => `<svg ${NS}>${'<rect width="1" height="1"/>'.repeat(elements)}</svg>`;
/** As deep as 256 KiB allows: minutes of DOMPurify before. */
const deepest = () => {
  const levels = Math.floor((256 * 1024 - 60) / 7);
  return `<svg ${NS}>${"<g>".repeat(levels)}${"</g>".repeat(levels)}</svg>`;
};

const upload = async (svg: string) => {
  const response = await fetch(`${app.url}/trpc/whiteLabel.uploadLogo`, {
    method: "POST",
    headers: { "content-type": "application/json", cookie },
    body: JSON.stringify({
      json: { contentType: "image/svg+xml", dataBase64: Buffer.from(svg).toString("base64") },
    }),
  });
  const body = (await response.json()) as {
    error?: { json: { message: string; data: Record<string, unknown> } };
  };
  return { status: response.status, error: body.error?.json };
};

/** Sanitisings in progress on the server (same process): counted around the app's own sanitiser. */
let sanitising = 0;
const countSanitising = () => {
  const sanitizer = app.deps.svgSanitizer;
  const sanitize = sanitizer.sanitize.bind(sanitizer);
  sanitizer.sanitize = async (svg) => {
    sanitising++;
    try {
      return await sanitize(svg);
    } finally {
      sanitising--;
    }
  };
};

/**
 * Probe /healthz back to back until stopped. The slowest answer says how long the event loop was
 * held (printed: a figure, not an assertion); answers that arrive while a sanitising is in
 * progress prove it runs off the event loop — work on the loop would let none through.
 */
const probeHealth = () => {
  let running = true;
  let slowest = 0;
  let probes = 0;
  let duringSanitising = 0;
  const loopDelay = monitorEventLoopDelay({ resolution: 5 });
  loopDelay.enable();
  const loop = (async () => {
    while (running) {
      const started = performance.now();
      const response = await fetch(`${app.url}/healthz`);
      await response.arrayBuffer();
      slowest = Math.max(slowest, performance.now() - started);
      probes++;
      if (sanitising > 0) duringSanitising++;
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
  })();
  return async () => {
    running = false;
    await loop;
    loopDelay.disable();
    return { slowestMs: slowest, probes, duringSanitising, maxLoopDelayMs: loopDelay.max / 1e6 };
  };
};

describe("security: abusive SVG uploads over HTTP", () => {
  it("are refused with 400 naming dataBase64 while /healthz keeps answering, the work off the event loop", async () => {
    countSanitising();
    // One accepted upload first: the worker thread is started and warm, as in a running server.
    expect((await upload(wide(10))).status).toBe(200);
    const stop = probeHealth();
    const cases = [
      { svg: deep(5_000), reason: /more than 64 levels deep/ },
      { svg: deep(3_000), reason: /more than 64 levels deep/ },
      { svg: wide(5_001), reason: /more than 5,000 elements/ },
      { svg: deepest(), reason: /more than 64 levels deep/ },
    ];
    const answers = [];
    for (const { svg } of cases) answers.push(await upload(svg));
    const refusing = await stop();
    // The heaviest file that passes the structure check: sanitised in the worker, not on the loop.
    const stopAgain = probeHealth();
    const accepted = await upload(wide(4_999));
    const accepting = await stopAgain();
    const report = (label: string, probe: typeof refusing) =>
      `${label}: /healthz slowest ${probe.slowestMs.toFixed(1)} ms over ${probe.probes} probes (${probe.duringSanitising} answered mid-sanitising), event loop held at most ${probe.maxLoopDelayMs.toFixed(1)} ms`;
    console.log(report("4 abusive SVGs (up to 256 KiB) refused", refusing));
    console.log(report("a 5,000-element SVG sanitised and stored", accepting));
    answers.forEach((answer, index) => {
      expect(answer.status).toBe(400);
      expect(answer.error?.data).toMatchObject({ code: "VALIDATION_FAILED", field: "dataBase64" });
      expect(answer.error?.message).toMatch(cases[index]?.reason ?? /./);
    });
    expect(accepted.status).toBe(200);
    expect(refusing.probes).toBeGreaterThan(5);
    // Tests assert behaviour, not timings (the latencies above are printed for the record): the
    // server kept answering /healthz while it sanitised the heaviest SVG a logo may be.
    expect(accepting.duringSanitising).toBeGreaterThan(0);
  });
});
