import { DomainError } from "@tessera/domain";
import { type RateLimiterAbstract, RateLimiterRes } from "rate-limiter-flexible";
import type { RateLimiterFactory } from "../rate-limits.ts";

export interface ValidationLimiterOptions {
  maxPerKey: number;
  maxPerIp: number;
  windowSeconds: number;
}

/** Validation is public: throttle per key (hash) and per caller IP. */
export class ValidationLimiter {
  private readonly byKey: RateLimiterAbstract;
  private readonly byIp: RateLimiterAbstract;

  constructor(options: ValidationLimiterOptions, createLimiter: RateLimiterFactory) {
    const durationSeconds = options.windowSeconds;
    this.byKey = createLimiter({ keyPrefix: "validate-key", points: options.maxPerKey, durationSeconds });
    this.byIp = createLimiter({ keyPrefix: "validate-ip", points: options.maxPerIp, durationSeconds });
  }

  async consume(keyId: string, ip: string | null): Promise<void> {
    try {
      await this.byIp.consume(ip ?? "unknown");
      await this.byKey.consume(keyId);
    } catch (error) {
      if (!(error instanceof RateLimiterRes)) throw error;
      const retryAfterSeconds = Math.max(1, Math.ceil(error.msBeforeNext / 1000));
      throw new DomainError("RATE_LIMITED", `Too many validations; retry in ${retryAfterSeconds} s`, {
        retryAfterSeconds,
      });
    }
  }
}
