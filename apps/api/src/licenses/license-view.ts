import { randomBytes } from "node:crypto";
import { constraintName, sqlState, UNIQUE_VIOLATION } from "@tessera/db";
import type { licenses } from "@tessera/db/schema";
import {
  DomainError,
  daysUntilExpiry,
  effectiveStatus,
  entitlementsFor,
  type Feature,
  keyLast4,
  type Limits,
  licenseKeyFromBytes,
  type OveragePolicies,
  previousKeyInForceUntil,
} from "@tessera/domain";
import { sha256 } from "../auth/tokens.ts";

type LicenseRow = typeof licenses.$inferSelect;

/** A new key, shown once; we keep its hash and last four characters. */
export const newLicenseKey = () => {
  const key = licenseKeyFromBytes(randomBytes(16));
  return { key, keyHash: sha256(key), keyLast4: keyLast4(key) };
};

/** A license as callers see it: effective status and entitlements, never a key hash. */
export const licenseView = (row: LicenseRow, now: Date, organizationName?: string) => {
  const {
    keyHash: _keyHash,
    previousKeyHash: _previous,
    customLimits,
    customFeatures,
    customOverage,
    ...rest
  } = row;
  const entitlements = entitlementsFor({
    tier: row.tier,
    customLimits: customLimits as Limits | null,
    customFeatures: customFeatures as Feature[] | null,
    customOverage: customOverage as Partial<OveragePolicies> | null,
    customSupportResponseCapHours: row.supportResponseCapHours,
    customMonthlyPriceCents: row.monthlyPriceCents,
  });
  const status = effectiveStatus(row, now);
  return {
    ...rest,
    ...(organizationName === undefined ? {} : { organizationName }),
    storedStatus: row.status,
    status,
    keyHint: `…${row.keyLast4}`,
    // Only while the old key still works: the console says when it stops.
    previousKeyExpiresAt: previousKeyInForceUntil(row, now),
    entitlements,
    daysUntilExpiry: row.expiresAt ? daysUntilExpiry(row.expiresAt, now) : null,
  };
};
export const inForce = (error: unknown) =>
  sqlState(error) === UNIQUE_VIOLATION && constraintName(error) === "licenses_one_in_force_per_organization";

export const IN_FORCE_ERROR = () =>
  new DomainError(
    "LICENSE_IN_FORCE",
    "This organisation already has a license in force (pending, active or suspended); cancel it first",
    { field: "organizationId" },
  );

/** A snapshot for the audit log: what matters of a license, no key material. */
export const auditSnapshot = (row: LicenseRow) => {
  const {
    keyHash: _keyHash,
    previousKeyHash: _previous,
    createdAt: _createdAt,
    updatedAt: _updatedAt,
    ...rest
  } = row;
  return rest;
};
