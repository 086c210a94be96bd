import { DomainError } from "@tessera/domain";
import type { RateLimiterAbstract } from "rate-limiter-flexible";
import { type RateLimiterFactory, secondsToWait } from "../rate-limits.ts";

/**
 * Logo uploads per organisation per hour, counted before the file is looked at: every
 * upload, accepted or refused, costs a sanitising pass, so a refused one counts too.
 */
export class LogoUploadLimiter {
  private readonly limiter: RateLimiterAbstract;

  constructor(perHour: number, createLimiter: RateLimiterFactory) {
    this.limiter = createLimiter({ keyPrefix: "logo-upload", points: perHour, durationSeconds: 3600 });
  }

  /** Count one upload; RATE_LIMITED with `retryAfterSeconds` past the hourly allowance. */
  async consume(organizationId: string): Promise<void> {
    const retryAfterSeconds = await secondsToWait(this.limiter, organizationId);
    if (retryAfterSeconds === null) return;
    throw new DomainError(
      "RATE_LIMITED",
      `This organisation uploaded ${this.limiter.points} logos in the last hour; retry in ${retryAfterSeconds} s`,
      { field: "dataBase64", retryAfterSeconds, limit: this.limiter.points },
    );
  }
}
