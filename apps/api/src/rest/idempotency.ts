import { createHash } from "node:crypto";
import { idempotencyRequests } from "@tessera/db/schema";
import { DomainError } from "@tessera/domain";
import { and, eq, isNull, lt, or } from "drizzle-orm";
import type { AppDeps } from "../context.ts";

/**
 * `Idempotency-Key` on REST POSTs, as Stripe: the first request with a key claims it in one
 * statement (so two racing requests cannot both act); a retry with the same key and request
 * within 24 h answers what the first answered; the same key with another request is a 422.
 */
export const IDEMPOTENCY_WINDOW_MS = 24 * 60 * 60 * 1000;
/**
 * A claim still unanswered after this long belongs to a request that died with its process:
 * the key is free again rather than answering "in progress" for a day.
 */
const ABANDONED_CLAIM_MS = 5 * 60 * 1000;
const KEY_FORMAT = /^[\x21-\x7e]{1,255}$/;

export interface IdempotencyScope {
  principalId: string;
  key: string;
  fingerprint: string;
}

type IdempotencyClaim =
  | { kind: "run" }
  | { kind: "replay"; status: number; body: unknown; location: string | null };

/** The header's value, checked; undefined when none was sent. */
export const idempotencyKeyOf = (header: string | string[] | undefined): string | undefined => {
  if (header === undefined) return undefined;
  if (typeof header === "string" && KEY_FORMAT.test(header)) return header;
  throw new DomainError(
    "VALIDATION_FAILED",
    "Idempotency-Key must be 1–255 visible ASCII characters, sent once",
    { field: "Idempotency-Key" },
  );
};

/** JSON with object keys sorted, so the same body written in another order is the same request. */
const canonical = (value: unknown): string => {
  if (Array.isArray(value)) return `[${value.map(canonical).join(",")}]`;
  if (value && typeof value === "object") {
    const entries = Object.entries(value).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(",")}}`;
  }
  return JSON.stringify(value) ?? "null";
};

export const requestFingerprint = (method: string, path: string, body: unknown): string =>
  createHash("sha256")
    .update(`${method} ${path}\n${canonical(body)}`)
    .digest("base64url");

const claimRow = (deps: AppDeps, scope: IdempotencyScope, now: Date) =>
  deps.db
    .insert(idempotencyRequests)
    .values({ ...scope, createdAt: now })
    .onConflictDoUpdate({
      target: [idempotencyRequests.principalId, idempotencyRequests.key],
      // A key older than the window, or an abandoned claim, is free again.
      set: {
        fingerprint: scope.fingerprint,
        status: null,
        responseBody: null,
        location: null,
        createdAt: now,
      },
      setWhere: or(
        lt(idempotencyRequests.createdAt, new Date(now.getTime() - IDEMPOTENCY_WINDOW_MS)),
        and(
          isNull(idempotencyRequests.status),
          lt(idempotencyRequests.createdAt, new Date(now.getTime() - ABANDONED_CLAIM_MS)),
        ),
      ),
    })
    .returning({ key: idempotencyRequests.key });

const whereScope = (scope: IdempotencyScope) =>
  and(eq(idempotencyRequests.principalId, scope.principalId), eq(idempotencyRequests.key, scope.key));

export const claimIdempotencyKey = async (
  deps: AppDeps,
  scope: IdempotencyScope,
): Promise<IdempotencyClaim> => {
  if ((await claimRow(deps, scope, deps.clock.now())).length > 0) return { kind: "run" };
  const [row] = await deps.db.select().from(idempotencyRequests).where(whereScope(scope));
  if (!row) return claimIdempotencyKey(deps, scope); // released meanwhile: claim again
  if (row.fingerprint !== scope.fingerprint) {
    throw new DomainError(
      "IDEMPOTENCY_KEY_REUSED",
      "Idempotency-Key was already used with a different request; send a new key",
      { field: "Idempotency-Key" },
    );
  }
  if (row.status === null) {
    throw new DomainError(
      "IDEMPOTENCY_IN_PROGRESS",
      "Idempotency-Key: the first request with this key is still running; retry shortly",
      { field: "Idempotency-Key", retryAfterSeconds: 1 },
    );
  }
  return { kind: "replay", status: row.status, body: row.responseBody, location: row.location };
};

/** Keep the answer for retries: successes and the refusals a retry would meet again. */
export const storeIdempotentResult = (
  deps: AppDeps,
  scope: IdempotencyScope,
  result: { status: number; body: unknown; location: string | null },
) =>
  deps.db
    .update(idempotencyRequests)
    .set({ status: result.status, responseBody: result.body, location: result.location })
    .where(whereScope(scope));

/** A failure a retry may get past (rate limit, outage, fault): forget the key. */
export const releaseIdempotencyKey = (deps: AppDeps, scope: IdempotencyScope) =>
  deps.db.delete(idempotencyRequests).where(whereScope(scope));

/** Hourly: keys past the window answer nothing any more. */
export const pruneIdempotencyKeys = async (deps: AppDeps, now: Date) => {
  const cutoff = new Date(now.getTime() - IDEMPOTENCY_WINDOW_MS);
  const pruned = await deps.db
    .delete(idempotencyRequests)
    .where(lt(idempotencyRequests.createdAt, cutoff))
    .returning({ key: idempotencyRequests.key });
  return { pruned: pruned.length };
};
