import { DomainError } from "@tessera/domain";
import type { RateLimiterAbstract } from "rate-limiter-flexible";
import { type RateLimiterFactory, secondsToWait } from "../rate-limits.ts";

/**
 * Mutations per minute of one signed-in session, whatever they change: a stolen or scripted
 * session cannot flood tickets, keys or members faster than a person clicks. Counts in memory
 * or PostgreSQL like every limiter.
 */
export class SessionMutationLimiter {
  private readonly limiter: RateLimiterAbstract;

  constructor(perMinute: number, createLimiter: RateLimiterFactory) {
    this.limiter = createLimiter({ keyPrefix: "session-mutations", points: perMinute, durationSeconds: 60 });
  }

  /** Count one mutation; RATE_LIMITED with `retryAfterSeconds` past the allowance. */
  async consume(sessionId: string): Promise<void> {
    const retryAfterSeconds = await secondsToWait(this.limiter, sessionId);
    if (retryAfterSeconds === null) return;
    throw new DomainError(
      "RATE_LIMITED",
      `This session made more than ${this.limiter.points} changes this minute; retry in ${retryAfterSeconds} s`,
      { retryAfterSeconds, limit: this.limiter.points },
    );
  }
}
