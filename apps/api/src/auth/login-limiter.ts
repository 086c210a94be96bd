import { DomainError } from "@tessera/domain";
import { type RateLimiterAbstract, RateLimiterRes } from "rate-limiter-flexible";
import type { RateLimiterFactory } from "../rate-limits.ts";

export interface LoginLimiterOptions {
  maxPerEmail: number;
  maxPerIp: number;
  windowSeconds: number;
}

/**
 * Sign-in throttling: every attempt counts against the caller's IP; failed attempts count
 * against the email, and a success clears the email's count.
 */
export class LoginLimiter {
  private readonly byEmail: RateLimiterAbstract;
  private readonly byIp: RateLimiterAbstract;

  constructor(
    private readonly options: LoginLimiterOptions,
    createLimiter: RateLimiterFactory,
  ) {
    const durationSeconds = options.windowSeconds;
    this.byEmail = createLimiter({ keyPrefix: "login-email", points: options.maxPerEmail, durationSeconds });
    this.byIp = createLimiter({ keyPrefix: "login-ip", points: options.maxPerIp, durationSeconds });
  }

  /** Throws RATE_LIMITED when the IP or the email has used up its attempts. */
  async beforeAttempt(email: string, ip: string | null): Promise<void> {
    const emailState = await this.byEmail.get(email);
    if (emailState && emailState.consumedPoints >= this.options.maxPerEmail) {
      throw tooMany("email", emailState.msBeforeNext);
    }
    try {
      await this.byIp.consume(ip ?? "unknown");
    } catch (error) {
      if (error instanceof RateLimiterRes) throw tooMany("ip", error.msBeforeNext);
      throw error;
    }
  }

  async failed(email: string): Promise<void> {
    await this.byEmail.penalty(email, 1);
  }

  async succeeded(email: string): Promise<void> {
    await this.byEmail.delete(email);
  }
}

const tooMany = (scope: "email" | "ip", msBeforeNext: number) => {
  const retryAfterSeconds = Math.max(1, Math.ceil(msBeforeNext / 1000));
  return new DomainError(
    "RATE_LIMITED",
    scope === "email"
      ? `Too many failed sign-ins for this email; try again in ${retryAfterSeconds} s`
      : `Too many sign-in attempts from this address; try again in ${retryAfterSeconds} s`,
    { field: scope === "email" ? "email" : undefined, retryAfterSeconds },
  );
};
