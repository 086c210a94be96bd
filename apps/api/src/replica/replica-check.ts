import type { AppDeps } from "../context.ts";

/** The replica job: measure lag, and publish it and whether reads go to the replica. */
export const runReplicaCheck = async (deps: Pick<AppDeps, "replica" | "dbHandle" | "metrics">) => {
  const replica = deps.replica;
  if (!replica) return null;
  try {
    const state = await replica.check(deps.dbHandle);
    deps.metrics.replicaLag.set(state.lagSeconds ?? -1);
    return state;
  } catch (error) {
    deps.metrics.replicaLag.set(-1);
    throw error;
  } finally {
    deps.metrics.replicaInUse.set(replica.serves(null) ? 1 : 0);
  }
};
