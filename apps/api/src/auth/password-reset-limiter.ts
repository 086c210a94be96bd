import { DomainError } from "@tessera/domain";
import type { RateLimiterAbstract } from "rate-limiter-flexible";
import type { AppDeps } from "../context.ts";
import { rateLimiterFactory, secondsToWait } from "../rate-limits.ts";

/** Reset mails per address an hour: enough for a lost mail or two, too few to flood an inbox. */
const PER_EMAIL = 5;
/** Reset requests per client address an hour, whatever the email. */
const PER_IP = 30;
const WINDOW_SECONDS = 3600;

interface ResetLimiters {
  byEmail: RateLimiterAbstract;
  byIp: RateLimiterAbstract;
}

// One pair per process and database (the request context is rebuilt per request; the handle is not).
const limiters = new WeakMap<object, ResetLimiters>();

const limitersFor = (deps: Pick<AppDeps, "config" | "dbHandle">): ResetLimiters => {
  let pair = limiters.get(deps.dbHandle);
  if (!pair) {
    const create = rateLimiterFactory(deps.config.RATE_LIMIT_STORE, deps.dbHandle);
    pair = {
      byEmail: create({ keyPrefix: "reset-email", points: PER_EMAIL, durationSeconds: WINDOW_SECONDS }),
      byIp: create({ keyPrefix: "reset-ip", points: PER_IP, durationSeconds: WINDOW_SECONDS }),
    };
    limiters.set(deps.dbHandle, pair);
  }
  return pair;
};

/** Count one reset request by address and by email, or refuse with RATE_LIMITED. */
export const limitPasswordResets = async (
  deps: Pick<AppDeps, "config" | "dbHandle">,
  email: string,
  ip: string | null,
): Promise<void> => {
  const { byEmail, byIp } = limitersFor(deps);
  const ipWait = await secondsToWait(byIp, ip ?? "unknown");
  const wait = ipWait ?? (await secondsToWait(byEmail, email));
  if (wait === null) return;
  throw new DomainError("RATE_LIMITED", `Too many password reset requests; try again in ${wait} s`, {
    field: ipWait === null ? "email" : undefined,
    retryAfterSeconds: wait,
  });
};
