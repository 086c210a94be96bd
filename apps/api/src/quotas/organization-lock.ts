import type { Transaction } from "@tessera/db";
import { type OrganizationQuota, requireWithinQuota } from "@tessera/domain";
import { sql } from "drizzle-orm";

/**
 * Serialise one kind of write of one organisation until the transaction ends: a
 * transaction-scoped advisory lock on `purpose:organizationId`. A count-then-insert under it
 * cannot be overtaken by a concurrent one, so a cap holds under any concurrency; other kinds of
 * write, other organisations and row locks (foreign-key checks included) are not held up.
 */
export const lockOrganizationFor = async (tx: Transaction, organizationId: string, purpose: string) => {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended(${`${purpose}:${organizationId}`}, 0))`);
};

/**
 * Take the quota's lock, count what the organisation already holds, and throw QUOTA_EXCEEDED
 * (naming `field`) when one more would pass the quota. Call it inside the transaction that
 * then inserts, before the insert.
 */
export const requireQuota = async (
  tx: Transaction,
  organizationId: string,
  quota: OrganizationQuota,
  field: string | undefined,
  countUsed: () => Promise<number>,
) => {
  await lockOrganizationFor(tx, organizationId, `quota:${quota}`);
  requireWithinQuota(quota, await countUsed(), field);
};
