import { sessions } from "@tessera/db/schema";
import { DomainError } from "@tessera/domain";
import { eq, sql } from "drizzle-orm";
import { type Context, type ServiceContext, serviceContext } from "../context.ts";

type ReplicaDeps = Pick<Context, "replica" | "db" | "actor" | "logger" | "metrics">;

/**
 * The one way a service reads from the replica: `run` gets a service context whose `db` is the
 * replica when it is well, within the lag limit and has replayed this session's last change;
 * otherwise the primary. A read that fails on the replica is run again on the primary at once
 * (the replica is marked down until the next check), so an outage never fails the request.
 * Only for reads that tolerate seconds of staleness: reports, charts, dashboards, audit lists.
 */
export const onReplica = async <T>(
  ctx: ReplicaDeps,
  run: (service: ServiceContext) => Promise<T>,
  service: ServiceContext = serviceContext(ctx as Context),
): Promise<T> => {
  const replica = ctx.replica;
  if (!replica) return run(service);
  if (!replica.serves(ctx.actor?.lastWriteLsn)) {
    ctx.metrics.replicaReads.inc({ server: "primary" });
    return run(service);
  }
  let replicaDb: ServiceContext["db"];
  try {
    replicaDb = (await replica.handle()).db;
  } catch (error) {
    return fellBack(ctx, error, () => run(service));
  }
  try {
    const result = await run({ ...service, db: replicaDb });
    ctx.metrics.replicaReads.inc({ server: "replica" });
    return result;
  } catch (error) {
    // A missing row may be one the replica has not replayed yet: the primary answers for sure.
    if (error instanceof DomainError) return run(service);
    return fellBack(ctx, error, () => run(service));
  }
};

const fellBack = <T>(ctx: ReplicaDeps, error: unknown, retry: () => Promise<T>) => {
  ctx.replica?.markDown();
  ctx.metrics.replicaReads.inc({ server: "fallback" });
  ctx.logger.warn({ err: error }, "read replica failed; reading from the primary");
  return retry();
};

/**
 * After a session's change, note the primary's WAL position on the session row: whichever
 * instance serves its next read keeps it on the primary until the replica has replayed that far.
 */
export const rememberWrite = async (ctx: Pick<Context, "replica" | "db" | "actor">): Promise<void> => {
  if (!ctx.replica || !ctx.actor) return;
  await ctx.db
    .update(sessions)
    .set({ lastWriteLsn: sql`pg_current_wal_lsn()::text` })
    .where(eq(sessions.id, ctx.actor.sessionId));
};
