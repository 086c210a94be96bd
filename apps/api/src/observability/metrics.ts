import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from "prom-client";

/** Latency buckets in seconds: sub-millisecond cache hits up to slow reports. */
const BUCKETS = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

/**
 * The process's Prometheus metrics, on a registry of its own (not prom-client's global one),
 * so that several app instances in one test process do not collide.
 */
export const createMetrics = () => {
  const registry = new Registry();
  const registers = [registry];
  return {
    registry,
    // Updated on every request: the hot paths keep `labels(…)` children per route and procedure.
    httpRequests: new Counter({
      name: "tessera_http_requests_total",
      help: "HTTP requests by route (coarse), method and status",
      labelNames: ["route", "method", "status"] as const,
      registers,
    }),
    httpDuration: new Histogram({
      name: "tessera_http_request_duration_seconds",
      help: "HTTP request latency by route (coarse)",
      labelNames: ["route"] as const,
      buckets: BUCKETS,
      registers,
    }),
    procedureCalls: new Counter({
      name: "tessera_procedure_calls_total",
      help: "tRPC and REST procedure calls by procedure and outcome (ok or the error code)",
      labelNames: ["procedure", "outcome"] as const,
      registers,
    }),
    procedureDuration: new Histogram({
      name: "tessera_procedure_duration_seconds",
      help: "Procedure latency by procedure",
      labelNames: ["procedure"] as const,
      buckets: BUCKETS,
      registers,
    }),
    validations: new Counter({
      name: "tessera_license_validations_total",
      help: "License validations by outcome (valid, or the reason it is not)",
      labelNames: ["outcome"] as const,
      registers,
    }),
    usageEvents: new Counter({
      name: "tessera_usage_events_total",
      help: "Usage events received by result (recorded, or duplicate of an idempotency key)",
      labelNames: ["result"] as const,
      registers,
    }),
    jobRuns: new Counter({
      name: "tessera_job_runs_total",
      help: "Background job runs by job and outcome",
      labelNames: ["job", "outcome"] as const,
      registers,
    }),
    jobDuration: new Histogram({
      name: "tessera_job_duration_seconds",
      help: "Background job run time by job",
      labelNames: ["job"] as const,
      buckets: BUCKETS,
      registers,
    }),
    replicaLag: new Gauge({
      name: "tessera_replica_lag_seconds",
      help: "Replay lag of the read replica at its last check (-1: unreachable)",
      registers,
    }),
    replicaInUse: new Gauge({
      name: "tessera_replica_reads_enabled",
      help: "1 while reads that tolerate lag go to the read replica, 0 while they go to the primary",
      registers,
    }),
    replicaReads: new Counter({
      name: "tessera_replica_reads_total",
      help: "Reads offered to the replica, by where they were served (replica, primary, fallback)",
      labelNames: ["server"] as const,
      registers,
    }),
  };
};
export type Metrics = ReturnType<typeof createMetrics>;

/** Process metrics (CPU, memory, event loop lag, GC): for the server process, not per test app. */
export const collectProcessMetrics = (metrics: Metrics) =>
  collectDefaultMetrics({ register: metrics.registry, prefix: "tessera_" });
