/**
 * Key rolling: a rotated license key keeps working for a chosen overlap, so the platform can
 * switch to the new key without an outage. One previous key at most: rotating again during an
 * overlap replaces the older previous key with the one just replaced.
 */
export const OLD_KEY_EXPIRIES = ["now", "1h", "24h", "7d"] as const;
export type OldKeyExpiry = (typeof OLD_KEY_EXPIRIES)[number];
export const DEFAULT_OLD_KEY_EXPIRY: OldKeyExpiry = "24h";

const HOUR_MS = 3_600_000;
const OLD_KEY_EXPIRY_MS: Record<OldKeyExpiry, number> = {
  now: 0,
  "1h": HOUR_MS,
  "24h": 24 * HOUR_MS,
  "7d": 7 * 24 * HOUR_MS,
};

/** When the key being replaced at `now` stops working; null when it stops at once. */
export const previousKeyExpiry = (choice: OldKeyExpiry, now: Date): Date | null =>
  choice === "now" ? null : new Date(now.getTime() + OLD_KEY_EXPIRY_MS[choice]);

interface KeyedLicense {
  keyHash: string;
  previousKeyHash: string | null;
  previousKeyExpiresAt: Date | null;
}

/** Until when the previous key still works, or null once it has stopped (or there is none). */
export const previousKeyInForceUntil = (
  license: Pick<KeyedLicense, "previousKeyHash" | "previousKeyExpiresAt">,
  now: Date,
): Date | null =>
  license.previousKeyHash !== null &&
  license.previousKeyExpiresAt !== null &&
  license.previousKeyExpiresAt.getTime() > now.getTime()
    ? license.previousKeyExpiresAt
    : null;

/**
 * Whether a key (by hash) opens this license at `now`: its current key, or its previous key
 * during the overlap. Judged at read time, so a cached lookup cannot outlive the overlap.
 */
export const keyOpensLicense = (license: KeyedLicense, keyHash: string, now: Date): boolean =>
  license.keyHash === keyHash ||
  (license.previousKeyHash === keyHash && previousKeyInForceUntil(license, now) !== null);
