import type { AppDeps, ServiceContext } from "../context.ts";

/** The context a job acts in: no person or key, its name for the audit trail, the clock at `now`. */
export const jobContext = (deps: Pick<AppDeps, "db">, now: Date, system: string): ServiceContext => ({
  db: deps.db,
  clock: { now: () => now },
  actor: null,
  ip: null,
  system,
});
