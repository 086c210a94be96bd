import { licenses } from "@tessera/db/schema";
import { AUTO_RENEW_GRACE_MS } from "@tessera/domain";
import { and, eq, isNotNull, lte, or, type SQL } from "drizzle-orm";

/**
 * effectiveStatus's "an ACTIVE license has run out" in SQL, for filters, counts and the sweep:
 * past its expiry, and no auto-renewal still to be tried (none, refused, or the grace over).
 * Null when there is no expiry.
 */
export const lapsedCondition = (now: Date): SQL =>
  and(
    lte(licenses.expiresAt, now),
    or(
      eq(licenses.autoRenew, false),
      isNotNull(licenses.renewalFailedAt),
      lte(licenses.expiresAt, new Date(now.getTime() - AUTO_RENEW_GRACE_MS)),
    ),
  ) as SQL;
