import { API_REQUESTS_PER_MINUTE, DomainError, TIERS, type Tier } from "@tessera/domain";
import { type RateLimiterAbstract, RateLimiterRes } from "rate-limiter-flexible";
import { type RateLimiterFactory, retryAfterSeconds } from "../rate-limits.ts";

/**
 * Requests per minute for an organisation's API keys together, by the tier of its license
 * (STARTER's when none is in force). Counts in memory or PostgreSQL like every limiter.
 */
export class ApiRateLimiter {
  private readonly byTier: Record<Tier, RateLimiterAbstract>;

  constructor(createLimiter: RateLimiterFactory, perMinute: Record<Tier, number> = API_REQUESTS_PER_MINUTE) {
    this.byTier = Object.fromEntries(
      TIERS.map((tier) => [
        tier,
        createLimiter({ keyPrefix: `api-${tier}`, points: perMinute[tier], durationSeconds: 60 }),
      ]),
    ) as Record<Tier, RateLimiterAbstract>;
  }

  /** Count one request; RATE_LIMITED with `retryAfterSeconds` past the tier's allowance. */
  async consume(organizationId: string, tier: Tier | null): Promise<{ limit: number; remaining: number }> {
    const limiter = this.byTier[tier ?? "STARTER"];
    try {
      const result = await limiter.consume(organizationId);
      return { limit: limiter.points, remaining: result.remainingPoints };
    } catch (error) {
      if (!(error instanceof RateLimiterRes)) throw error;
      const seconds = retryAfterSeconds(error.msBeforeNext);
      throw new DomainError(
        "RATE_LIMITED",
        `This organisation's API keys made more than ${limiter.points} requests this minute; retry in ${seconds} s`,
        { retryAfterSeconds: seconds, limit: limiter.points },
      );
    }
  }
}
