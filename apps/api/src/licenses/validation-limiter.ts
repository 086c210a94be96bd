import { DomainError } from "@tessera/domain";
import { type RateLimiterAbstract, RateLimiterRes } from "rate-limiter-flexible";
import { type RateLimiterFactory, retryAfterSeconds } from "../rate-limits.ts";

interface ValidationLimiterOptions {
  /** Validations of one key from one address per window. */
  maxPerKey: number;
  maxPerIp: number;
  /** NOT_FOUND answers one address may have per window; past it every key is refused. */
  maxNotFoundPerIp: number;
  windowSeconds: number;
}

/**
 * Validation is public: throttle per caller address, per (key, address) — so someone holding
 * a key and hammering it from elsewhere cannot use up the platform's own validations — and
 * give unknown keys a small per-address budget, so guessing keys costs something.
 */
export class ValidationLimiter {
  private readonly byKeyAndIp: RateLimiterAbstract;
  private readonly byIp: RateLimiterAbstract;
  private readonly notFoundByIp: RateLimiterAbstract;

  constructor(
    private readonly options: ValidationLimiterOptions,
    createLimiter: RateLimiterFactory,
  ) {
    const durationSeconds = options.windowSeconds;
    this.byKeyAndIp = createLimiter({
      keyPrefix: "validate-key-ip",
      points: options.maxPerKey,
      durationSeconds,
    });
    this.byIp = createLimiter({ keyPrefix: "validate-ip", points: options.maxPerIp, durationSeconds });
    this.notFoundByIp = createLimiter({
      keyPrefix: "validate-not-found-ip",
      points: options.maxNotFoundPerIp,
      durationSeconds,
    });
  }

  /** Before the lookup: RATE_LIMITED once the address spent its unknown-key budget or its calls. */
  async consume(keyId: string, ip: string | null): Promise<void> {
    const address = ip ?? "unknown";
    const misses = await this.notFoundByIp.get(address);
    if (misses && misses.consumedPoints >= this.options.maxNotFoundPerIp) throw tooMany(misses.msBeforeNext);
    await refuseWhenSpent(this.byIp.consume(address));
    await refuseWhenSpent(this.byKeyAndIp.consume(`${keyId}|${address}`));
  }

  /**
   * After a lookup found nothing: count it. Over budget (parallel guesses all pass `consume`),
   * the answer is RATE_LIMITED instead of NOT_FOUND, so no guess beyond the budget is answered.
   */
  async notFound(ip: string | null): Promise<void> {
    await refuseWhenSpent(this.notFoundByIp.consume(ip ?? "unknown"));
  }
}

const refuseWhenSpent = async (consumed: Promise<RateLimiterRes>) => {
  try {
    await consumed;
  } catch (error) {
    if (error instanceof RateLimiterRes) throw tooMany(error.msBeforeNext);
    throw error;
  }
};

const tooMany = (msBeforeNext: number) => {
  const seconds = retryAfterSeconds(msBeforeNext);
  return new DomainError("RATE_LIMITED", `Too many validations; retry in ${seconds} s`, {
    retryAfterSeconds: seconds,
  });
};
