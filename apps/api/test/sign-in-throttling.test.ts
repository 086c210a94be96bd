import { DomainError } from "@tessera/domain";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { LoginLimiter } from "../src/auth/login-limiter.ts";
import { signIn } from "../src/auth/service.ts";
import { rateLimiterFactory } from "../src/rate-limits.ts";
import { createTestHarness, errorCode, TEST_PASSWORD, type TestHarness } from "./harness.ts";

// Count the password checks (scrypt) themselves: the answers alone cannot show whether a
// refused guess was evaluated before it was refused.
const checks = vi.hoisted(() => ({ count: 0 }));
vi.mock("../src/auth/password.ts", async (importOriginal) => {
  const original = await importOriginal<typeof import("../src/auth/password.ts")>();
  return {
    ...original,
    verifyPassword: (...args: Parameters<typeof original.verifyPassword>) => {
      checks.count++;
      return original.verifyPassword(...args);
    },
  };
});

/**
 * Sign-in attempts are counted before the password is checked, so parallel guesses cannot
 * all be evaluated. Counters live in the database (RATE_LIMIT_STORE=postgres): on PostgreSQL
 * the twelve guesses really race; on PGlite they are serialised and the test only shows the rule.
 */
let h: TestHarness;
beforeAll(async () => {
  h = await createTestHarness({
    RATE_LIMIT_STORE: "postgres",
    LOGIN_MAX_ATTEMPTS_PER_EMAIL_IP: "5",
    LOGIN_BACKOFF_BASE_SECONDS: "0",
  });
});
afterAll(() => h.close());

const guesses = async (count: number, attempt: () => Promise<unknown>) => {
  const before = checks.count;
  const codes = await Promise.all(Array.from({ length: count }, () => codeOf(attempt())));
  return {
    evaluated: checks.count - before,
    refused: codes.filter((code) => code === "RATE_LIMITED").length,
  };
};

/** The code a call ended with, whether it went through a caller (tRPC) or the service itself. */
const codeOf = async (call: Promise<unknown>) => {
  try {
    await call;
    return "OK";
  } catch (error) {
    return error instanceof DomainError ? error.code : errorCode(Promise.reject(error));
  }
};

const signInAs = (limiter: LoginLimiter, ip: string, email: string, password: string) =>
  signIn(
    { loginLimiter: limiter, config: h.config },
    { db: h.db, clock: h.clock, actor: null, ip, userAgent: "vitest" },
    { email, password },
  );

/** The service's own refusal: its code and, when rate-limited, the wait. */
const outcome = async (call: Promise<unknown>) => {
  try {
    await call;
    return { code: "OK", retryAfterSeconds: undefined };
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    return { code: error.code, retryAfterSeconds: error.details.retryAfterSeconds };
  }
};

describe("security", () => {
  it("12 concurrent wrong guesses: at most the (email, address) cap of 5 are evaluated", async () => {
    const guesser = await h.callerWithToken(null, "198.51.100.12");
    const result = await guesses(12, () =>
      guesser.auth.signIn({ email: "admin@staff.test", password: "wrong-password" }),
    );
    expect(result.evaluated).toBeGreaterThan(0);
    expect(result.evaluated).toBeLessThanOrEqual(5);
    expect(result.evaluated + result.refused).toBe(12);
    // …and the real user, elsewhere, is not locked out by them.
    const realUser = await h.callerWithToken(null, "203.0.113.12");
    expect(
      await errorCode(realUser.auth.signIn({ email: "admin@staff.test", password: TEST_PASSWORD })),
    ).toBe("OK");
  });

  it.each(["memory", "postgres"] as const)(
    "%s store: 12 parallel guesses, cap 5 → at most 5 evaluated; with a progressive wait, one",
    async (store) => {
      const limiter = (backoffBaseSeconds: number) =>
        new LoginLimiter(
          { maxPerEmail: 50, maxPerEmailAndIp: 5, maxPerIp: 100, windowSeconds: 900, backoffBaseSeconds },
          rateLimiterFactory(store, h.dbHandle),
        );
      const ip = store === "memory" ? "198.51.100.13" : "198.51.100.15";
      const withoutWait = limiter(0);
      const capped = await guesses(12, () =>
        signInAs(withoutWait, ip, "viewer@staff.test", "wrong-password"),
      );
      expect(capped.evaluated).toBeGreaterThan(0);
      expect(capped.evaluated).toBeLessThanOrEqual(5);
      expect(capped.evaluated + capped.refused).toBe(12);
      const withWait = limiter(1);
      const waiting = await guesses(12, () => signInAs(withWait, ip, "nobody@x.test", "wrong-password"));
      expect(waiting).toEqual({ evaluated: 1, refused: 11 });
    },
  );

  it("after a failure the pair waits 1 s, then 2 s, answered RATE_LIMITED with the wait, not by sleeping", async () => {
    const limiter = new LoginLimiter(
      { maxPerEmail: 50, maxPerEmailAndIp: 10, maxPerIp: 100, windowSeconds: 900, backoffBaseSeconds: 1 },
      rateLimiterFactory("postgres", h.dbHandle),
    );
    const ip = "198.51.100.14";
    expect(await codeOf(signInAs(limiter, ip, "support@staff.test", "wrong-password"))).toBe(
      "INVALID_CREDENTIALS",
    );
    // Even the right password waits its turn: the answer must not depend on it.
    expect(await outcome(signInAs(limiter, ip, "support@staff.test", TEST_PASSWORD))).toEqual({
      code: "RATE_LIMITED",
      retryAfterSeconds: 1,
    });
    // Another address is not slowed down by this pair's failures.
    expect(await codeOf(signInAs(limiter, "203.0.113.14", "support@staff.test", TEST_PASSWORD))).toBe("OK");
    await new Promise((resolve) => setTimeout(resolve, 1100));
    expect(await codeOf(signInAs(limiter, ip, "support@staff.test", "wrong-password"))).toBe(
      "INVALID_CREDENTIALS",
    );
    expect(await outcome(signInAs(limiter, ip, "support@staff.test", TEST_PASSWORD))).toEqual({
      code: "RATE_LIMITED",
      retryAfterSeconds: 2,
    });
  });
});
