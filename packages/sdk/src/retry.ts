/**
 * Retries of a refused request: 429 (rate limited) and 503 (the database is away) are answered
 * before anything is done, so trying again after `Retry-After` is safe — for a request that is
 * idempotent by its method, or that carries an `Idempotency-Key` (the server then replays the
 * first answer instead of acting twice). Every other status is returned as it came.
 */
interface RetryPolicy {
  /** Attempts after the first (default 3). */
  maxRetries: number;
  /** The longest wait, whatever `Retry-After` asks (default 30 s). */
  retryDelayCapMs: number;
  /** How to wait: tests and schedulers pass their own. */
  sleep: (ms: number) => Promise<void>;
}

const RETRIED_STATUSES = new Set([429, 503]);
const IDEMPOTENT_METHODS = new Set(["GET", "HEAD", "OPTIONS", "PUT", "DELETE"]);

export const sleepFor = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

const mayRetry = (request: Request) =>
  IDEMPOTENT_METHODS.has(request.method) || request.headers.has("Idempotency-Key");

/** `Retry-After` in milliseconds (seconds or an HTTP date), else exponential backoff; capped. */
const retryDelayMs = (response: Response, attempt: number, capMs: number): number => {
  const header = response.headers.get("Retry-After")?.trim() ?? "";
  const seconds = /^\d+$/.test(header) ? Number(header) * 1000 : Date.parse(header) - Date.now();
  const wanted = Number.isFinite(seconds) && seconds >= 0 ? seconds : 250 * 2 ** attempt;
  return Math.min(wanted, capMs);
};

/** A fetch that sends a copy of the request each time, so a retry carries the same body and headers. */
export const retryingFetch =
  (fetch: (request: Request) => Promise<Response>, policy: RetryPolicy) =>
  async (request: Request): Promise<Response> => {
    for (let attempt = 0; ; attempt += 1) {
      const response = await fetch(request.clone());
      const retry = RETRIED_STATUSES.has(response.status) && attempt < policy.maxRetries && mayRetry(request);
      if (!retry) return response;
      await response.body?.cancel();
      await policy.sleep(retryDelayMs(response, attempt, policy.retryDelayCapMs));
    }
  };
