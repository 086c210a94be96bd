import { DomainError, signInBackoffSeconds } from "@tessera/domain";
import { type RateLimiterAbstract, RateLimiterRes } from "rate-limiter-flexible";
import { type RateLimiterFactory, retryAfterSeconds } from "../rate-limits.ts";

interface LoginLimiterOptions {
  /** Failed sign-ins per email from any address: a cap on distributed guessing. */
  maxPerEmail: number;
  /** Failed sign-ins per (email, address): what one stranger can spend on one account. */
  maxPerEmailAndIp: number;
  /** Attempts per address, whatever the email. */
  maxPerIp: number;
  windowSeconds: number;
  /** First wait after a failure from one (email, address); doubles with each failure. 0: none. */
  backoffBaseSeconds: number;
}

/** One sign-in attempt, counted before the password is checked; say how it ended. */
interface LoginAttempt {
  /** The password was right: the attempt is refunded and the pair's failures forgotten. */
  succeeded(): Promise<void>;
  /** The attempt stays counted and the pair waits longer before its next one. */
  failed(): Promise<void>;
  /** Refused before any password was checked: the attempt stays counted but adds no wait. */
  refusedUnchecked(): Promise<void>;
}

type Scope = "ip" | "email" | "pair";

/**
 * Sign-in throttling. Every attempt is counted atomically *before* the password is checked,
 * so parallel guesses cannot all be evaluated: per address, per (email, address) with a
 * progressive wait, and per email with a much higher cap. A stranger's failures slow down the
 * stranger's (email, address) pair, not the real user signing in from elsewhere.
 */
export class LoginLimiter {
  private readonly byIp: RateLimiterAbstract;
  private readonly byEmail: RateLimiterAbstract;
  private readonly byPair: RateLimiterAbstract;
  /** One attempt in flight per pair; after a failure, blocked for the backoff. */
  private readonly pairGate: RateLimiterAbstract | null;

  constructor(
    private readonly options: LoginLimiterOptions,
    createLimiter: RateLimiterFactory,
  ) {
    const durationSeconds = options.windowSeconds;
    this.byIp = createLimiter({ keyPrefix: "login-ip", points: options.maxPerIp, durationSeconds });
    this.byEmail = createLimiter({ keyPrefix: "login-email", points: options.maxPerEmail, durationSeconds });
    this.byPair = createLimiter({
      keyPrefix: "login-email-ip",
      points: options.maxPerEmailAndIp,
      durationSeconds,
    });
    this.pairGate =
      options.backoffBaseSeconds > 0
        ? createLimiter({ keyPrefix: "login-wait", points: 1, durationSeconds: options.backoffBaseSeconds })
        : null;
  }

  /** Count the attempt, or throw RATE_LIMITED with `retryAfterSeconds` when it may not be made. */
  async begin(email: string, ip: string | null): Promise<LoginAttempt> {
    const pair = `${email}|${ip ?? "unknown"}`;
    await consumeOrRefuse(this.byIp, ip ?? "unknown", "ip");
    if (this.pairGate) await consumeOrRefuse(this.pairGate, pair, "pair");
    const pairState = await consumeOrRefuse(this.byPair, pair, "pair");
    await consumeOrRefuse(this.byEmail, email, "email");
    return {
      succeeded: async () => {
        await Promise.all([
          this.byPair.delete(pair),
          this.byEmail.reward(email, 1),
          this.pairGate?.delete(pair),
        ]);
      },
      failed: async () => {
        const wait = signInBackoffSeconds(
          pairState.consumedPoints,
          this.options.backoffBaseSeconds,
          this.options.windowSeconds,
        );
        if (this.pairGate && wait > 0) await this.pairGate.block(pair, wait);
      },
      refusedUnchecked: async () => {
        await this.pairGate?.delete(pair);
      },
    };
  }
}

const consumeOrRefuse = async (limiter: RateLimiterAbstract, key: string, scope: Scope) => {
  try {
    return await limiter.consume(key);
  } catch (error) {
    if (error instanceof RateLimiterRes) throw tooMany(scope, error.msBeforeNext);
    throw error;
  }
};

const MESSAGES: Record<Scope, string> = {
  ip: "Too many sign-in attempts from this address",
  email: "Too many failed sign-ins for this email",
  pair: "Too many failed sign-ins for this email from this address",
};

const tooMany = (scope: Scope, msBeforeNext: number) => {
  const seconds = retryAfterSeconds(msBeforeNext);
  return new DomainError("RATE_LIMITED", `${MESSAGES[scope]}; try again in ${seconds} s`, {
    field: scope === "ip" ? undefined : "email",
    retryAfterSeconds: seconds,
  });
};
