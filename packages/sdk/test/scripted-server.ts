import { once } from "node:events";
import { createServer, type IncomingHttpHeaders } from "node:http";
import type { AddressInfo } from "node:net";

/** What the server saw of one request. */
export interface Seen {
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
  body: string;
}

/** One scripted answer. */
export interface Scripted {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

/**
 * A real node:http server answering from a script, one entry per request in order (the last
 * entry repeats), recording every request: the SDK's fetch, retries and headers meet a socket.
 */
export const startScriptedServer = async () => {
  let script: Scripted[] = [];
  const seen: Seen[] = [];
  const server = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    seen.push({
      method: req.method ?? "",
      url: req.url ?? "",
      headers: req.headers,
      body: Buffer.concat(chunks).toString("utf8"),
    });
    const answer = script[Math.min(seen.length - 1, script.length - 1)] ?? { status: 500 };
    res.writeHead(answer.status, { "Content-Type": "application/json", ...answer.headers });
    res.end(answer.body === undefined ? "" : JSON.stringify(answer.body));
  });
  server.listen(0, "127.0.0.1");
  await once(server, "listening");
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/api`,
    seen,
    /** Replaces the script and forgets what was seen. */
    answer(...answers: Scripted[]) {
      script = answers;
      seen.length = 0;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
};

export const envelope = (status: number, type: string, code: string, field?: string) => ({
  status,
  body: {
    error: { type, code, message: `refused: ${code}`, ...(field ? { field } : {}), requestId: "req-1" },
  },
});
