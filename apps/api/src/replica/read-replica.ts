import { createDb, type DbHandle } from "@tessera/db";
import { sql } from "drizzle-orm";
import { lsnReached } from "./lsn.ts";

/** What the last check saw; reads use the replica only while `healthy` and within the lag limit. */
interface ReplicaState {
  healthy: boolean;
  /** Seconds behind the primary (0 when it has replayed all the primary has written). */
  lagSeconds: number | null;
  /** How far the replica had replayed at the last check. */
  replayLsn: string | null;
}

interface ReplicaRow extends Record<string, unknown> {
  replay_lsn: string | null;
  lag_seconds: number | null;
  in_recovery: boolean;
}

/**
 * The streaming replica's handle (opened on first use, never migrated) and its state from the
 * last check. The check runs as a job; any failed read marks the replica down until the next
 * check finds it well again, so one outage costs one failed query, not one per request.
 */
export class ReadReplica {
  state: ReplicaState = { healthy: false, lagSeconds: null, replayLsn: null };
  private opened: Promise<DbHandle> | null = null;

  constructor(
    private readonly url: string,
    readonly maxLagSeconds: number,
  ) {}

  handle(): Promise<DbHandle> {
    // Errors are not cached: a replica that was down at start is tried again next time.
    this.opened ??= createDb({ url: this.url, maxConnections: 5, connectTimeoutSeconds: 2 }).catch(
      (error) => {
        this.opened = null;
        throw error;
      },
    );
    return this.opened;
  }

  /** The replica may serve a read of a session whose last change was at `lastWriteLsn`. */
  serves(lastWriteLsn: string | null | undefined): boolean {
    const { healthy, lagSeconds, replayLsn } = this.state;
    if (!healthy || lagSeconds === null || lagSeconds > this.maxLagSeconds) return false;
    return !lastWriteLsn || lsnReached(replayLsn, lastWriteLsn);
  }

  markDown(): void {
    this.state = { ...this.state, healthy: false };
  }

  /**
   * Measure lag: the age of the last replayed transaction, except that a replica which has
   * replayed everything the primary wrote is not behind, however long the primary sat idle.
   */
  async check(primary: DbHandle): Promise<ReplicaState> {
    try {
      const [current] = await primary.rows<{ lsn: string }>(sql`select pg_current_wal_lsn()::text as lsn`);
      const replica = await this.handle();
      const [row] = await replica.rows<ReplicaRow>(sql`
        select pg_is_in_recovery() as in_recovery,
               pg_last_wal_replay_lsn()::text as replay_lsn,
               extract(epoch from now() - pg_last_xact_replay_timestamp())::float8 as lag_seconds`);
      if (!row?.in_recovery || !current) throw new Error("the replica is not in recovery");
      const caughtUp = lsnReached(row.replay_lsn, current.lsn);
      this.state = {
        healthy: true,
        lagSeconds: caughtUp ? 0 : Math.max(0, row.lag_seconds ?? Number.POSITIVE_INFINITY),
        replayLsn: row.replay_lsn,
      };
    } catch (error) {
      this.state = { healthy: false, lagSeconds: null, replayLsn: null };
      throw error;
    }
    return this.state;
  }

  async close(): Promise<void> {
    const opened = this.opened;
    this.opened = null;
    if (opened) await (await opened.catch(() => null))?.close();
  }
}
