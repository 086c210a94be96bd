import { createRequire } from "node:module";
import { DomainError } from "@tessera/domain";
import { Piscina } from "piscina";
import type { SvgSanitizeOutcome } from "./svg-sanitizer.ts";

export interface SvgSanitizer {
  /** The SVG made safe, or VALIDATION_FAILED on `dataBase64` saying why it is refused. */
  sanitize(svg: string): Promise<string>;
  /** Stop the worker threads (app shutdown); a later `sanitize` starts them again. */
  close(): Promise<void>;
}

interface SvgSanitizerOptions {
  timeoutMs: number;
  maxThreads?: number;
  /** A thread that fails (cannot load its code, or a task throws): logged; the upload is refused. */
  onWorkerError?: (error: unknown) => void;
}

/**
 * Where the worker's code is: `dist/svg-sanitizer-worker.js` beside the bundled
 * `dist/main.js` (build.mjs emits it as its own entry), or beside this file when running
 * from TypeScript source (tsx, vitest), where the thread registers tsx's require hook to
 * read it (piscina loads a worker file with `require` first).
 */
const workerLocation = (): { filename: string; execArgv: string[] } => {
  if (!import.meta.url.endsWith(".ts")) {
    return { filename: new URL("./svg-sanitizer-worker.js", import.meta.url).href, execArgv: [] };
  }
  const tsx = createRequire(import.meta.url).resolve("tsx/cjs");
  return {
    filename: new URL("./svg-sanitizer-worker.ts", import.meta.url).href,
    execArgv: ["--require", tsx],
  };
};

const refused = (message: string) => new DomainError("VALIDATION_FAILED", message, { field: "dataBase64" });

/**
 * Sanitising off the event loop: a streaming structure check, then DOMPurify, both in a
 * worker thread of one shared pool started on first use (even the linear check is work
 * proportional to 256 KiB that the event loop need not do). A task that runs past
 * the time limit is aborted and its thread terminated, so a pathological file costs one
 * thread for `timeoutMs` and never the server.
 */
export const createSvgSanitizer = (options: SvgSanitizerOptions): SvgSanitizer => {
  let pool: Piscina | null = null;
  const start = () => {
    const { filename, execArgv } = workerLocation();
    pool = new Piscina({
      filename,
      name: "sanitizeSvgMarkup",
      execArgv,
      minThreads: 0,
      maxThreads: options.maxThreads ?? 1,
      idleTimeout: 60_000,
      // A burst waits its turn briefly, then is refused rather than queued without bound.
      maxQueue: 16,
    });
    // Without a listener, a thread's failure would be an uncaught 'error' event: the process would exit.
    pool.on("error", (error) => options.onWorkerError?.(error));
    return pool;
  };
  return {
    async sanitize(svg) {
      let outcome: SvgSanitizeOutcome;
      try {
        outcome = await (pool ?? start()).run(svg, { signal: AbortSignal.timeout(options.timeoutMs) });
      } catch (error) {
        if (error instanceof Error && error.name === "AbortError") {
          throw refused(`The SVG took too long to sanitise (over ${options.timeoutMs} ms); simplify it`);
        }
        if (error instanceof Error && /queue is at limit/i.test(error.message)) {
          throw new DomainError(
            "RATE_LIMITED",
            "Too many logos are being processed; retry in a few seconds",
            { field: "dataBase64", retryAfterSeconds: 5 },
          );
        }
        // The file made DOMPurify or jsdom throw in the thread: refuse it rather than answer 500.
        options.onWorkerError?.(error);
        throw refused("The SVG could not be sanitised");
      }
      if ("refused" in outcome) throw refused(outcome.refused);
      return outcome.svg;
    },
    async close() {
      const running = pool;
      pool = null;
      await running?.destroy();
    },
  };
};
