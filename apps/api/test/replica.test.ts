import { afterAll, beforeAll, expect, it } from "vitest";
import { createDeps } from "../src/app.ts";
import type { AppDeps } from "../src/context.ts";
import { runReplicaCheck } from "../src/replica/replica-check.ts";
import { createRequestContext } from "../src/request-context.ts";
import { appRouter } from "../src/router.ts";
import { createCallerFactory } from "../src/trpc.ts";
import { createTestHarness, type TestHarness } from "./harness.ts";
import { RACES_RUN, raceDescribe } from "./races-need-postgres.ts";
import { type StreamingReplica, startStreamingReplica } from "./support/replica.ts";

/** A real streaming replica of the local PostgreSQL; PGlite has none, so this runs on PostgreSQL only. */
let replica: StreamingReplica;
let h: TestHarness;
let replicaSql: ReturnType<StreamingReplica["sql"]>;
const apps: AppDeps[] = [];
const createCaller = createCallerFactory(appRouter);

beforeAll(async () => {
  if (!RACES_RUN) return;
  replica = await startStreamingReplica();
  h = await createTestHarness();
}, 120_000);
afterAll(async () => {
  if (!RACES_RUN) return;
  for (const deps of apps) await deps.replica?.close();
  await replica?.remove();
  await h.close();
});

/** An app instance on the harness's primary that reads from the replica. */
const appWithReplica = (maxLagSeconds: number) => {
  const url = (h.dbHandle as { url?: string }).url ?? "";
  const deps = createDeps(
    { ...h.config, DATABASE_REPLICA_URL: replica.urlFor(url), REPLICA_MAX_LAG_SECONDS: maxLagSeconds },
    h.dbHandle,
    h.clock,
  );
  apps.push(deps);
  return deps;
};
// A fresh context per call: the session (and its last write position) is read per request.
const as = async (deps: AppDeps, token: string) =>
  createCaller(
    await createRequestContext(deps, {
      ip: "203.0.113.7",
      userAgent: "vitest",
      secure: false,
      cookieHeader: `tessera_session=${token}`,
      setHeader: () => {},
    }),
  );
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
/** Until the replica has replayed everything the primary wrote (lag 0 by the LSN rule). */
const caughtUp = async (deps: AppDeps) => {
  for (let tries = 0; tries < 200; tries++) {
    const state = await runReplicaCheck(deps).catch(() => null);
    if (state?.lagSeconds === 0) return state;
    await sleep(50);
  }
  throw new Error("the replica never caught up");
};
const metric = async (deps: AppDeps, name: string) =>
  await deps.metrics.registry.getSingleMetricAsString(name);
const openTickets = async (deps: AppDeps, token: string) =>
  (await (await as(deps, token)).organizations.health({ organizationId: h.orgA.id })).tickets.open;
const ownOpenTickets = async (deps: AppDeps, token: string) =>
  (await (await as(deps, token)).organizations.myHealth()).tickets.open;
const newTicket = async (deps: AppDeps, token: string) =>
  (await as(deps, token)).support.create({ subject: "Replica check", description: "Does the figure move?" });

raceDescribe("reads from a streaming replica (PostgreSQL only)", () => {
  it("serves dashboards from the replica, and a session's own writes from the primary until replayed", async () => {
    const deps = appWithReplica(60);
    const staff = await h.sessionToken(h.userIds.staffAdmin);
    const owner = await h.sessionToken(h.userIds.ownerA);
    replicaSql = replica.sql(new URL((h.dbHandle as { url?: string }).url ?? "").pathname.slice(1));
    await caughtUp(deps);
    const before = await openTickets(deps, staff);
    await replicaSql`select pg_wal_replay_pause()`;
    try {
      await newTicket(deps, owner);
      await runReplicaCheck(deps);
      expect(deps.replica?.serves(null)).toBe(true);
      expect(await openTickets(deps, staff)).toBe(before); // the replica: replay is paused
      expect(await ownOpenTickets(deps, owner)).toBe(before + 1); // read-your-writes: the primary
      expect(await metric(deps, "tessera_replica_reads_total")).toMatch(/server="replica"} [1-9]/);
    } finally {
      await replicaSql`select pg_wal_replay_resume()`;
    }
    await caughtUp(deps);
    expect(await openTickets(deps, staff)).toBe(before + 1);
    expect(await ownOpenTickets(deps, owner)).toBe(before + 1); // and now from the replica again
  });

  it("an idle primary is not lag: a caught-up replica serves however old its last replayed change", async () => {
    const deps = appWithReplica(1);
    await caughtUp(deps);
    await sleep(1500);
    expect((await caughtUp(deps)).lagSeconds).toBe(0);
    expect(deps.replica?.serves(null)).toBe(true);
  });

  it("past the lag limit reads go to the primary, and /metrics shows the lag", async () => {
    const deps = appWithReplica(1);
    const staff = await h.sessionToken(h.userIds.staffAdmin);
    const owner = await h.sessionToken(h.userIds.ownerB);
    await caughtUp(deps);
    const before = await openTickets(deps, staff);
    await replicaSql`select pg_wal_replay_pause()`;
    try {
      await (await as(deps, await h.sessionToken(h.userIds.ownerA))).support.create({
        subject: "Lagging",
        description: "Written while replay is paused",
      });
      await sleep(1500);
      const state = await runReplicaCheck(deps);
      expect(state?.lagSeconds).toBeGreaterThan(1);
      expect(await openTickets(deps, staff)).toBe(before + 1); // from the primary
      expect(await metric(deps, "tessera_replica_reads_enabled")).toMatch(/tessera_replica_reads_enabled 0/);
      expect(await metric(deps, "tessera_replica_lag_seconds")).toMatch(/tessera_replica_lag_seconds [1-9]/);
      expect(owner).toBeTruthy();
    } finally {
      await replicaSql`select pg_wal_replay_resume()`;
    }
  });

  it("a replica that goes down: reads answer from the primary at once, without errors", async () => {
    const deps = appWithReplica(60);
    const staff = await h.sessionToken(h.userIds.staffAdmin);
    await caughtUp(deps);
    const expected = await openTickets(deps, staff);
    await replica.stop();
    expect(deps.replica?.serves(null)).toBe(true); // the job has not noticed yet
    expect(await openTickets(deps, staff)).toBe(expected);
    expect(deps.replica?.serves(null)).toBe(false);
    expect(await metric(deps, "tessera_replica_reads_total")).toMatch(/server="fallback"} 1/);
    await expect(runReplicaCheck(deps)).rejects.toThrow();
    expect(await metric(deps, "tessera_replica_lag_seconds")).toMatch(/tessera_replica_lag_seconds -1/);
    expect(await openTickets(deps, staff)).toBe(expected);
  });
});
