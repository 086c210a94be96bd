import { createHmac, randomUUID } from "node:crypto";
import {
  customizations,
  webhookDeliveries,
  webhookDeliveryAttempts,
  webhookEvents,
} from "@tessera/db/schema";
import {
  deliverySucceeded,
  nextWebhookAttempt,
  WEBHOOK_SIGNATURE_HEADER,
  webhookSignatureHeader,
  webhookSignedPayload,
} from "@tessera/domain";
import { and, asc, eq, inArray, isNull, lt, lte, or } from "drizzle-orm";
import type { AppDeps } from "../context.ts";
import { egressRefusal } from "../egress/outbound-client.ts";

/** A dispatcher holds what it claimed this long; a crashed one's claims go to the next. */
const LEASE_MS = 60_000;
const BATCH = 25;
const TIMEOUT_MS = 10_000;
const EXCERPT_CHARS = 500;

/** HMAC-SHA256 over `<t>.<body>`: the `Tessera-Signature` header value. */
const signWebhook = (secret: string, timestampSeconds: number, body: string) =>
  webhookSignatureHeader(
    timestampSeconds,
    createHmac("sha256", secret).update(webhookSignedPayload(timestampSeconds, body)).digest("hex"),
  );

interface AttemptOutcome {
  statusCode: number | null;
  error: string | null;
  responseExcerpt: string | null;
  durationMs: number;
}

/** POST through the outbound-address policy, which resolves once and connects to what it vetted. */
const send = async (
  deps: Pick<AppDeps, "egress">,
  url: string,
  headers: Record<string, string>,
  body: string,
): Promise<AttemptOutcome> => {
  const started = performance.now();
  const elapsed = () => Math.round(performance.now() - started);
  try {
    const response = await deps.egress.fetch(url, {
      method: "POST",
      headers,
      body,
      redirect: "manual",
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
    const text = await response.text().catch(() => "");
    return {
      statusCode: response.status,
      error: deliverySucceeded(response.status) ? null : `HTTP ${response.status}`,
      responseExcerpt: text.slice(0, EXCERPT_CHARS) || null,
      durationMs: elapsed(),
    };
  } catch (error) {
    const refused = egressRefusal(error);
    if (refused)
      return {
        statusCode: null,
        error: `refused: ${refused.message}`,
        responseExcerpt: null,
        durationMs: elapsed(),
      };
    const cause = (error as { cause?: { code?: string } }).cause?.code;
    const message = error instanceof Error ? error.message : String(error);
    return {
      statusCode: null,
      error: cause ? `${cause}: ${message}` : message,
      responseExcerpt: null,
      durationMs: elapsed(),
    };
  }
};

/** Claim a batch of due deliveries under a fresh lease (SKIP LOCKED: instances split the work). */
const claimDue = async (deps: AppDeps, now: Date, leaseToken: string) => {
  const due = deps.db
    .select({ id: webhookDeliveries.id })
    .from(webhookDeliveries)
    .where(
      and(
        eq(webhookDeliveries.status, "PENDING"),
        lte(webhookDeliveries.nextAttemptAt, now),
        or(isNull(webhookDeliveries.leaseUntil), lt(webhookDeliveries.leaseUntil, now)),
      ),
    )
    .orderBy(asc(webhookDeliveries.nextAttemptAt))
    .limit(BATCH)
    .for("update", { skipLocked: true });
  const claimed = await deps.db
    .update(webhookDeliveries)
    .set({ leaseUntil: new Date(now.getTime() + LEASE_MS), leaseToken })
    .where(inArray(webhookDeliveries.id, due))
    .returning({ id: webhookDeliveries.id });
  if (claimed.length === 0) return [];
  return deps.db
    .select({ delivery: webhookDeliveries, event: webhookEvents, integration: customizations })
    .from(webhookDeliveries)
    .innerJoin(webhookEvents, eq(webhookEvents.id, webhookDeliveries.eventId))
    .innerJoin(customizations, eq(customizations.id, webhookDeliveries.integrationId))
    .where(
      and(
        inArray(
          webhookDeliveries.id,
          claimed.map((row) => row.id),
        ),
        eq(webhookDeliveries.leaseToken, leaseToken),
      ),
    );
};
type ClaimedDelivery = Awaited<ReturnType<typeof claimDue>>[number];

/** POST the signed event, unless the integration was switched off (or lost its secret) meanwhile. */
const attemptDelivery = async (
  deps: AppDeps,
  { delivery, event, integration }: ClaimedDelivery,
  startedAt: Date,
): Promise<AttemptOutcome> => {
  if (!integration.value.enabled || !integration.secretCiphertext) {
    return { statusCode: null, error: "the integration is disabled", responseExcerpt: null, durationMs: 0 };
  }
  const body = JSON.stringify(event.payload);
  const timestamp = Math.floor(startedAt.getTime() / 1000);
  return send(
    deps,
    String(integration.value.url),
    {
      "Content-Type": "application/json",
      "User-Agent": "Tessera-Webhooks/1",
      "Tessera-Event": event.type,
      "Tessera-Delivery": delivery.id,
      [WEBHOOK_SIGNATURE_HEADER]: signWebhook(
        deps.secrets.open(integration.secretCiphertext),
        timestamp,
        body,
      ),
    },
    body,
  );
};

/** Record the attempt and schedule the retry, or mark it DELIVERED / DEAD: only while our lease holds. */
const closeAttempt = (
  deps: AppDeps,
  leaseToken: string,
  delivery: ClaimedDelivery["delivery"],
  attempt: { number: number; startedAt: Date; outcome: AttemptOutcome; ok: boolean },
) => {
  const { outcome, ok } = attempt;
  const finishedAt = deps.clock.now();
  const retryAt = ok ? null : nextWebhookAttempt(attempt.number, finishedAt);
  return deps.db.transaction(async (tx) => {
    const [closed] = await tx
      .update(webhookDeliveries)
      .set({
        attempts: attempt.number,
        status: ok ? "DELIVERED" : retryAt ? "PENDING" : "DEAD",
        nextAttemptAt: retryAt ?? delivery.nextAttemptAt,
        deliveredAt: ok ? finishedAt : null,
        lastStatusCode: outcome.statusCode,
        lastError: outcome.error,
        leaseUntil: null,
        leaseToken: null,
        updatedAt: finishedAt,
      })
      .where(and(eq(webhookDeliveries.id, delivery.id), eq(webhookDeliveries.leaseToken, leaseToken)))
      .returning({ id: webhookDeliveries.id });
    if (!closed) return; // our lease ran out and another dispatcher owns it now
    await tx.insert(webhookDeliveryAttempts).values({
      deliveryId: delivery.id,
      attempt: attempt.number,
      startedAt: attempt.startedAt,
      durationMs: outcome.durationMs,
      statusCode: outcome.statusCode,
      error: outcome.error,
      responseExcerpt: outcome.responseExcerpt,
    });
  });
};

/**
 * Send what is due: claim a batch under a lease, POST each signed event, record the attempt,
 * and schedule the retry with backoff or mark it DELIVERED / DEAD. The closing write is
 * conditional on the lease, so an attempt is recorded once even if a slow dispatcher's lease
 * ran out and another took over.
 */
export const runWebhookDispatch = async (deps: AppDeps, now: Date) => {
  const leaseToken = randomUUID();
  const rows = await claimDue(deps, now, leaseToken);
  let delivered = 0;
  await Promise.all(
    rows.map(async (row) => {
      const startedAt = deps.clock.now();
      const outcome = await attemptDelivery(deps, row, startedAt);
      const ok = deliverySucceeded(outcome.statusCode);
      await closeAttempt(deps, leaseToken, row.delivery, {
        number: row.delivery.attempts + 1,
        startedAt,
        outcome,
        ok,
      });
      if (ok) delivered++;
    }),
  );
  return { attempted: rows.length, delivered };
};
