import { createRequire } from "node:module";
import { Piscina } from "piscina";
import type { SamlXmlOutcome } from "./saml-xml-structure.ts";

export interface SamlXmlInspector {
  /** The structure check (and, with `readMetadata`, what IdP metadata says), in a worker thread. */
  inspect(xml: string, readMetadata: boolean): Promise<SamlXmlOutcome>;
  close(): Promise<void>;
}

/** Beside the bundled main.js, or the TypeScript source through tsx's require hook (as the SVG pool). */
const workerLocation = (): { filename: string; execArgv: string[] } => {
  if (!import.meta.url.endsWith(".ts")) {
    return { filename: new URL("./saml-xml-worker.js", import.meta.url).href, execArgv: [] };
  }
  const tsx = createRequire(import.meta.url).resolve("tsx/cjs");
  return { filename: new URL("./saml-xml-worker.ts", import.meta.url).href, execArgv: ["--require", tsx] };
};

/**
 * SAML responses arrive anonymously from anywhere: their structure is checked off the event
 * loop, in a small pool started on first use, with a time limit; a burst past the queue, a
 * timeout or a crashed task is a refusal, never a stalled server.
 */
export const createSamlXmlInspector = (options: {
  timeoutMs: number;
  onWorkerError?: (error: unknown) => void;
}): SamlXmlInspector => {
  let pool: Piscina | null = null;
  const start = () => {
    const { filename, execArgv } = workerLocation();
    pool = new Piscina({
      filename,
      name: "inspectSamlXml",
      execArgv,
      minThreads: 0,
      maxThreads: 1,
      idleTimeout: 60_000,
      maxQueue: 32,
    });
    pool.on("error", (error) => options.onWorkerError?.(error));
    return pool;
  };
  return {
    async inspect(xml, readMetadata) {
      try {
        return await (pool ?? start()).run(
          { xml, readMetadata },
          { signal: AbortSignal.timeout(options.timeoutMs) },
        );
      } catch (error) {
        if (!(error instanceof Error && error.name === "AbortError")) options.onWorkerError?.(error);
        return { refused: "could not be checked in time" };
      }
    },
    async close() {
      const running = pool;
      pool = null;
      await running?.destroy();
    },
  };
};
