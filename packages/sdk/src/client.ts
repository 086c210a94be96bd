import createClient, { type Client, type Middleware } from "openapi-fetch";
import { retryingFetch, sleepFor } from "./retry.ts";
import type { paths } from "./schema.ts";

export interface TesseraClientOptions {
  /** The API's root, with `/api`: e.g. `https://tessera.example.com/api`. */
  baseUrl: string;
  /** A staff service key or an organisation's key (`tsk_…`). */
  apiKey: string;
  fetch?: (request: Request) => Promise<Response>;
  /** Retries of a 429 or 503 (default 3). */
  maxRetries?: number;
  /** The longest wait between retries, whatever `Retry-After` asks (default 30 000 ms). */
  retryDelayCapMs?: number;
  /** How to wait between retries (default setTimeout). */
  sleep?: (ms: number) => Promise<void>;
}

export type TesseraClient = Client<paths>;

/** Bearer key on every request; an Idempotency-Key on every POST that has none, kept across retries. */
const keyMiddleware = (apiKey: string): Middleware => ({
  onRequest: ({ request }) => {
    request.headers.set("Authorization", `Bearer ${apiKey}`);
    if (request.method === "POST" && !request.headers.has("Idempotency-Key"))
      request.headers.set("Idempotency-Key", crypto.randomUUID());
    return request;
  },
});

/**
 * A typed client of the Tessera REST API (paths and shapes from the OpenAPI document). Calls
 * answer openapi-fetch's `{ data, error, response }`, `error` being the API's envelope; wrap a
 * call in `unwrap()` to get the data or a thrown `TesseraError`. Retries happen in the fetch
 * (middleware sees each call once), on a copy of the request, so each retry has the same key.
 */
export const createTesseraClient = (options: TesseraClientOptions): TesseraClient => {
  const client = createClient<paths>({
    baseUrl: options.baseUrl.replace(/\/+$/, ""),
    fetch: retryingFetch(options.fetch ?? ((request) => globalThis.fetch(request)), {
      maxRetries: options.maxRetries ?? 3,
      retryDelayCapMs: options.retryDelayCapMs ?? 30_000,
      sleep: options.sleep ?? sleepFor,
    }),
  });
  client.use(keyMiddleware(options.apiKey));
  return client;
};
