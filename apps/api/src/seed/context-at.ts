import type { AppDeps, ServiceContext } from "../context.ts";

/** A service context whose clock stands at `at`: the showcase books its history as it happened. */
export const contextAt = (
  deps: Pick<AppDeps, "db">,
  at: Date,
  actor: ServiceContext["actor"] = null,
): ServiceContext => ({ db: deps.db, clock: { now: () => at }, actor, ip: null });
