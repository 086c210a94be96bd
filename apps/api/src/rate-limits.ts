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
  if (store === "memory") {
    return (spec) =>
      new RateLimiterMemory({
        keyPrefix: spec.keyPrefix,
        points: spec.points,
        duration: spec.durationSeconds,
      });
  }
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
