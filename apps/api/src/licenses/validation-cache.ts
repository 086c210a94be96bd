import type { Executor } from "@tessera/db";
import type { licenses } from "@tessera/db/schema";
import { sql } from "drizzle-orm";

/**
 * The license columns validation reads (its verdict and its answer): all a cached lookup holds
 * of the license, not the row, as the cache keeps up to one lookup per license.
 */
export const VALIDATED_LICENSE_COLUMNS = [
  "id",
  "organizationId",
  "tier",
  "status",
  "startsAt",
  "expiresAt",
  "autoRenew",
  "renewalFailedAt",
  "customLimits",
  "customFeatures",
  "customOverage",
  "keyHash",
  "previousKeyHash",
  "previousKeyExpiresAt",
] as const;
export type ValidatedLicenseColumn = (typeof VALIDATED_LICENSE_COLUMNS)[number];

/** What validation needs of a license, looked up by key hash. */
interface LicenseLookup {
  license: Pick<typeof licenses.$inferSelect, ValidatedLicenseColumn>;
  organizationName: string;
  organizationSlug: string;
  flags: Record<string, boolean> | null;
  overSince: Partial<Record<string, string>> | null;
}

export const LICENSE_CHANGED_CHANNEL = "tessera_license_changed";

/**
 * In-process cache of validation lookups by key hash. Only the lookup is cached: the verdict
 * (expiry, status, whether a rotated-out key's overlap still runs) is judged at read time.
 * A license can be cached under two key hashes during a key overlap; both go on a change. Entries go when the license changes: at
 * once in the process that changed it, and in every other instance through NOTIFY; the TTL
 * bounds staleness should a notification ever be lost.
 */
export class ValidationCache {
  private readonly byKeyHash = new Map<string, { lookup: LicenseLookup; storedAt: number }>();
  private readonly keyHashesByLicense = new Map<string, Set<string>>();

  constructor(
    private readonly ttlMs: number,
    private readonly maxEntries = 100_000,
  ) {}

  get(keyHash: string, nowMs: number): LicenseLookup | undefined {
    const entry = this.byKeyHash.get(keyHash);
    if (!entry) return undefined;
    if (nowMs - entry.storedAt > this.ttlMs) {
      this.byKeyHash.delete(keyHash);
      return undefined;
    }
    return entry.lookup;
  }

  set(keyHash: string, lookup: LicenseLookup, nowMs: number): void {
    if (this.byKeyHash.size >= this.maxEntries) this.clear();
    this.byKeyHash.set(keyHash, { lookup, storedAt: nowMs });
    const hashes = this.keyHashesByLicense.get(lookup.license.id) ?? new Set<string>();
    hashes.add(keyHash);
    this.keyHashesByLicense.set(lookup.license.id, hashes);
  }

  invalidate(licenseId: string): void {
    for (const keyHash of this.keyHashesByLicense.get(licenseId) ?? []) this.byKeyHash.delete(keyHash);
    this.keyHashesByLicense.delete(licenseId);
  }

  clear(): void {
    this.byKeyHash.clear();
    this.keyHashesByLicense.clear();
  }
}

/**
 * Call in the transaction that changes a license: drops it from this process's cache now,
 * and tells the other instances when the transaction commits.
 */
export const licenseChanged = async (
  executor: Executor,
  cache: Pick<ValidationCache, "invalidate"> | undefined,
  licenseId: string,
): Promise<void> => {
  cache?.invalidate(licenseId);
  await executor.execute(sql`select pg_notify(${LICENSE_CHANGED_CHANNEL}, ${licenseId})`);
};
