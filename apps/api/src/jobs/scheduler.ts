import type { AppDeps } from "../context.ts";
import { runMailDelivery } from "../mail/delivery.ts";
import { pruneMail } from "../mail/pruning.ts";
import { runReplicaCheck } from "../replica/replica-check.ts";
import { pruneIdempotencyKeys } from "../rest/idempotency.ts";
import { pruneOrphanAttachments } from "../support/attachments-orphans.ts";
import { runSlaSweep } from "../support/sla-sweep.ts";
import { raiseForecastAlerts } from "../usage/forecast-alerts.ts";
import { ensureUsagePartitions } from "../usage/partitions.ts";
import { pruneUsageEvents } from "../usage/retention.ts";
import { runDomainSweep } from "../white-label/domain-sweep.ts";
import { runLogoCollection } from "../white-label/logo-collection.ts";
import { pruneSamlAssertionIds } from "../white-label/saml-assertion.ts";
import { runWebhookDispatch } from "../white-label/webhook-dispatcher.ts";
import { runDomainRecheck } from "./domain-recheck.ts";
import { runLicenseSweep } from "./license-sweep.ts";

interface Job {
  name: string;
  everyMs: number;
  run(deps: AppDeps, now: Date): Promise<unknown>;
}

export const JOBS: Job[] = [
  { name: "license-sweep", everyMs: 60_000, run: runLicenseSweep },
  { name: "sla-sweep", everyMs: 60_000, run: runSlaSweep },
  { name: "domain-sweep", everyMs: 60_000, run: runDomainSweep },
  // picks the verified domains due (daily, hourly while proof is missing): a few minutes late at most
  { name: "domain-recheck", everyMs: 300_000, run: runDomainRecheck },
  { name: "webhook-delivery", everyMs: 5_000, run: runWebhookDispatch },
  { name: "mail-delivery", everyMs: 5_000, run: runMailDelivery },
  { name: "logo-collection", everyMs: 3_600_000, run: runLogoCollection },
  {
    name: "usage-event-partitions",
    everyMs: 3_600_000,
    run: (deps, now) => ensureUsagePartitions(deps, now),
  },
  // Forecasts move with each day's values: hourly is soon enough, and each alert is raised once.
  { name: "usage-forecast-alerts", everyMs: 3_600_000, run: raiseForecastAlerts },
  { name: "usage-event-pruning", everyMs: 3_600_000, run: (deps, now) => pruneUsageEvents(deps, now) },
  { name: "idempotency-key-pruning", everyMs: 3_600_000, run: pruneIdempotencyKeys },
  { name: "mail-pruning", everyMs: 3_600_000, run: pruneMail },
  { name: "saml-assertion-pruning", everyMs: 3_600_000, run: pruneSamlAssertionIds },
  {
    name: "orphan-attachment-pruning",
    everyMs: 600_000,
    run: (deps, now) => pruneOrphanAttachments(deps, now),
  },
];

/** With DATABASE_REPLICA_URL: how far behind the replica is decides where reads go. */
const REPLICA_CHECK: Job = { name: "replica-check", everyMs: 3_000, run: runReplicaCheck };

/** The jobs this process runs: the replica check only when there is a replica. */
const jobsFor = (deps: Pick<AppDeps, "replica">): Job[] => (deps.replica ? [...JOBS, REPLICA_CHECK] : JOBS);

/**
 * Run each job on its interval, never two runs of one job at once in this process (jobs are
 * idempotent across processes). A failed run is logged and tried again next interval.
 */
export const startScheduler = (deps: AppDeps, jobs: Job[] = jobsFor(deps)) => {
  const timers = jobs.map((job) => {
    let running = false;
    const tick = async () => {
      if (running) return;
      running = true;
      const stopTimer = deps.metrics.jobDuration.startTimer({ job: job.name });
      try {
        const result = await job.run(deps, deps.clock.now());
        deps.metrics.jobRuns.inc({ job: job.name, outcome: "ok" });
        deps.logger.debug({ job: job.name, result }, "job ran");
      } catch (error) {
        deps.metrics.jobRuns.inc({ job: job.name, outcome: "failed" });
        deps.logger.error({ job: job.name, err: error }, "job failed");
      } finally {
        stopTimer();
        running = false;
      }
    };
    void tick();
    return setInterval(tick, job.everyMs);
  });
  return () => {
    for (const timer of timers) clearInterval(timer);
  };
};
