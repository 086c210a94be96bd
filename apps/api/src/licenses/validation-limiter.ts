import { DomainError } from "@tessera/domain";
import { RateLimiterMemory, RateLimiterRes } from "rate-limiter-flexible";

export interface ValidationLimiterOptions {
  maxPerKey: number;
  maxPerIp: number;
  windowSeconds: number;
}

/** Validation is public: throttle per key (hash) and per caller IP. */
export class ValidationLimiter {
  private readonly byKey: RateLimiterMemory;
  private readonly byIp: RateLimiterMemory;

  constructor(options: ValidationLimiterOptions) {
    this.byKey = new RateLimiterMemory({ points: options.maxPerKey, duration: options.windowSeconds });
    this.byIp = new RateLimiterMemory({ points: options.maxPerIp, duration: options.windowSeconds });
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
