import type { DbHandle } from "@tessera/db";
import {
  type RateLimiterAbstract,
  RateLimiterMemory,
  RateLimiterPostgres,
  RateLimiterRes,
} from "rate-limiter-flexible";

type RateLimitStore = "memory" | "postgres";

interface RateLimiterSpec {
  /** Distinguishes this limiter's counters in a shared store. */
  keyPrefix: string;
  points: number;
  durationSeconds: number;
}

export type RateLimiterFactory = (spec: RateLimiterSpec) => RateLimiterAbstract;

/**
 * Rate limiters count in this process's memory by default; with several API instances
 * (RATE_LIMIT_STORE=postgres) they share counters in the `rate_limits` table, so a limit
 * holds across all of them.
 */
export const rateLimiterFactory = (store: RateLimitStore, dbHandle: DbHandle): RateLimiterFactory => {
  if (store === "memory") return (spec) => new FixedWindowMemoryLimiter(spec);
  // The library speaks node-postgres' `query({ text, values })`; this adapts our handle to it.
  const client = {
    query: async ({ text, values }: { text: string; values?: unknown[] }) => {
      const { rows } = await dbHandle.query(text, values ?? []);
      return { rows, rowCount: rows.length };
    },
  };
  return (spec) =>
    new RateLimiterPostgres({
      storeClient: client,
      storeType: "pool",
      tableName: "rate_limits",
      tableCreated: true,
      clearExpiredByTimeout: false,
      keyPrefix: spec.keyPrefix,
      points: spec.points,
      duration: spec.durationSeconds,
    });
};

/** One key's window: points spent and when they reset (ms since the epoch). */
interface Window {
  consumed: number;
  endsAt: number;
}

/** Keys past which expired windows are swept on the next new key. */
const SWEEP_EVERY = 10_000;

/**
 * The "memory" store: a fixed-window counter per key in one Map. rate-limiter-flexible's
 * RateLimiterMemory keeps a Date and a timer per key and a Promise per call, which on the
 * validation path (three limiter calls per request, a key per license and address) was a
 * visible share of CPU and garbage; this counts the same way (points per `durationSeconds`
 * from a key's first hit, rejecting with a RateLimiterRes) and drops expired keys lazily.
 */
// It extends RateLimiterMemory only for the base class (the package exports no runtime
// RateLimiterAbstract); every counting method is overridden.
class FixedWindowMemoryLimiter extends RateLimiterMemory {
  private readonly windows = new Map<string, Window>();
  private sweepAt = SWEEP_EVERY;

  constructor(spec: RateLimiterSpec) {
    super({ keyPrefix: spec.keyPrefix, points: spec.points, duration: spec.durationSeconds });
  }

  private live(key: string | number, now: number): Window | undefined {
    const window = this.windows.get(String(key));
    return window && window.endsAt > now ? window : undefined;
  }

  private add(key: string | number, points: number): RateLimiterRes {
    const now = Date.now();
    let window = this.live(key, now);
    if (!window) {
      if (this.windows.size >= this.sweepAt) this.sweep(now);
      // A duration of 0 never resets, as in rate-limiter-flexible.
      window = {
        consumed: 0,
        endsAt: this.duration > 0 ? now + this.duration * 1000 : Number.POSITIVE_INFINITY,
      };
      this.windows.set(String(key), window);
    }
    window.consumed += points;
    const first = window.consumed === points;
    return new RateLimiterRes(
      Math.max(this.points - window.consumed, 0),
      window.endsAt - now,
      window.consumed,
      first,
    );
  }

  private sweep(now: number): void {
    for (const [key, window] of this.windows) if (window.endsAt <= now) this.windows.delete(key);
    this.sweepAt = Math.max(SWEEP_EVERY, this.windows.size * 2);
  }

  override consume(key: string | number, points = 1): Promise<RateLimiterRes> {
    const res = this.add(key, points);
    return res.consumedPoints > this.points ? Promise.reject(res) : Promise.resolve(res);
  }

  override penalty(key: string | number, points = 1): Promise<RateLimiterRes> {
    return Promise.resolve(this.add(key, points));
  }

  override reward(key: string | number, points = 1): Promise<RateLimiterRes> {
    return Promise.resolve(this.add(key, -points));
  }

  override get(key: string | number): Promise<RateLimiterRes | null> {
    const now = Date.now();
    const window = this.live(key, now);
    if (!window) return Promise.resolve(null);
    const remaining = Math.max(this.points - window.consumed, 0);
    return Promise.resolve(new RateLimiterRes(remaining, window.endsAt - now, window.consumed, false));
  }

  override set(key: string | number, points: number, seconds: number): Promise<RateLimiterRes> {
    const now = Date.now();
    const endsAt = seconds > 0 ? now + seconds * 1000 : Number.POSITIVE_INFINITY;
    this.windows.set(String(key), { consumed: points, endsAt });
    return Promise.resolve(new RateLimiterRes(Math.max(this.points - points, 0), endsAt - now, points, true));
  }

  override block(key: string | number, seconds: number): Promise<RateLimiterRes> {
    return this.set(key, this.points + 1, seconds);
  }

  override delete(key: string | number): Promise<boolean> {
    return Promise.resolve(this.windows.delete(String(key)));
  }
}

/** Whole seconds until a refused caller may try again, never 0 (a `Retry-After` of 0 invites a spin). */
export const retryAfterSeconds = (msBeforeNext: number): number =>
  Math.max(1, Math.ceil(msBeforeNext / 1000));

/** Count one hit against `key`: null when allowed, else the seconds to wait. */
export const secondsToWait = async (limiter: RateLimiterAbstract, key: string): Promise<number | null> => {
  try {
    await limiter.consume(key);
    return null;
  } catch (error) {
    if (error instanceof RateLimiterRes) return retryAfterSeconds(error.msBeforeNext);
    throw error;
  }
};
