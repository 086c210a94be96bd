import { NUMERIC_VALUE_OUT_OF_RANGE, sqlState, type Transaction } from "@tessera/db";
import { licenses } from "@tessera/db/schema";
import { checkOccurredAt, DomainError, IN_FORCE_STATUSES, type UsageEvent } from "@tessera/domain";
import { desc, eq, inArray } from "drizzle-orm";
import type { z } from "zod";
import type { AppDeps, ServiceContext } from "../context.ts";
import { trackOverLimit } from "../licenses/over-limit-tracking.ts";
import { type BookedLicense, type RaisedAlert, raiseUsageAlerts } from "./alert-raising.ts";
import { bookEvents } from "./rollups.ts";
import { licenseLimitColumns } from "./usage-report.ts";

type Event = z.output<typeof UsageEvent>;

interface IngestResult {
  accepted: number;
  duplicates: number;
  alerts: RaisedAlert[];
}

/** The license usage is booked against: the one in force, else the latest. */
const licenseForUsage = async (tx: Transaction, organizationId: string): Promise<BookedLicense> => {
  const [license] = await tx
    .select(licenseLimitColumns)
    .from(licenses)
    .where(eq(licenses.organizationId, organizationId))
    .orderBy(desc(inArray(licenses.status, [...IN_FORCE_STATUSES])), desc(licenses.createdAt))
    .limit(1);
  if (!license) {
    throw new DomainError("LICENSE_REQUIRED", "This organisation has no license to book usage against", {
      field: "organizationId",
    });
  }
  return license;
};

/**
 * Record usage events, all or nothing, and acknowledge only after commit. An idempotency key
 * seen before (in this batch, an earlier one or a racing retry) counts once: the unique
 * constraint decides. The rollups change in the same statement, alerts in the same transaction.
 */
const bookUsage = async (
  ctx: ServiceContext,
  organizationId: string,
  events: Event[],
  options: { apiKeyId?: string | null; fieldPrefix?: (index: number) => string } = {},
): Promise<IngestResult> => {
  const now = ctx.clock.now();
  const stamped = events.map((event, index) => {
    const occurredAt = event.occurredAt ?? now;
    checkOccurredAt(occurredAt, now, `${options.fieldPrefix?.(index) ?? ""}occurredAt`);
    return { ...event, occurredAt };
  });
  return ctx.db.transaction(async (tx) => {
    const license = await licenseForUsage(tx, organizationId);
    const target = { licenseId: license.id, organizationId, apiKeyId: options.apiKeyId ?? null, now };
    const booking = await bookEvents(tx, target, stamped);
    const alerts = booking.accepted ? await raiseUsageAlerts(tx, ctx, license, booking) : [];
    if (booking.accepted) await trackOverLimit(tx, ctx, license, booking, now);
    return { accepted: booking.accepted, duplicates: stamped.length - booking.accepted, alerts };
  });
};

/**
 * `bookUsage`, with a rollup pushed past bigint's largest value refused as bad input: its
 * transaction has rolled back, so nothing of the batch is kept.
 */
export const ingestUsage = (...args: Parameters<typeof bookUsage>): Promise<IngestResult> =>
  bookUsage(...args).catch((error: unknown) => {
    if (sqlState(error) !== NUMERIC_VALUE_OUT_OF_RANGE) throw error;
    throw new DomainError("VALIDATION_FAILED", "would push a usage total past its largest value", {
      field: args[3]?.fieldPrefix ? "events" : "value",
    });
  });

/** Count what an ingestion recorded, for /metrics' ingestion rate. */
export const countIngested = <T extends { accepted: number; duplicates: number }>(
  ctx: Pick<AppDeps, "metrics">,
  result: T,
) => {
  ctx.metrics.usageEvents.inc({ result: "recorded" }, result.accepted);
  ctx.metrics.usageEvents.inc({ result: "duplicate" }, result.duplicates);
  return result;
};
