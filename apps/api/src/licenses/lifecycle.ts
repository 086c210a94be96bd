import { licenses } from "@tessera/db/schema";
import { DomainError, type LicenseAction, nextLicenseState } from "@tessera/domain";
import { and, eq, sql } from "drizzle-orm";
import type { ServiceContext } from "../context.ts";
import { diff } from "../events/domain-event.ts";
import { recordEvent } from "../events/record-event.ts";
import { auditSnapshot, IN_FORCE_ERROR, inForce, licenseView } from "./license-view.ts";
import { findLicense } from "./lookup.ts";
import { licenseChanged } from "./validation-cache.ts";

const ACTION_AUDIT: Record<LicenseAction, string> = {
  activate: "license.activated",
  suspend: "license.suspended",
  reinstate: "license.reinstated",
  expire: "license.expired",
  renew: "license.renewed",
  cancel: "license.cancelled",
};

/**
 * Apply a lifecycle action once. The update is conditional on the version read, so of two
 * concurrent calls one wins and the other gets STALE_VERSION (or the transition error the new
 * state implies) — a retried or doubled click never renews twice.
 */
const transitionLicense = async (
  ctx: ServiceContext,
  licenseId: string,
  action: LicenseAction,
  options: {
    reason?: string;
    termMonths?: number;
    expectedVersion?: number;
    scopeOrganizationId?: string;
  } = {},
) => {
  const now = ctx.clock.now();
  try {
    const updated = await ctx.db.transaction(async (tx) => {
      const current = await findLicense({ db: tx }, licenseId, options.scopeOrganizationId);
      if (options.expectedVersion !== undefined && options.expectedVersion !== current.version) {
        throw new DomainError(
          "STALE_VERSION",
          `The license is at version ${current.version}, not ${options.expectedVersion}: it changed since you loaded it`,
          { field: "expectedVersion", currentVersion: current.version },
        );
      }
      const termMonths = options.termMonths ?? current.termMonths;
      const transition = nextLicenseState({ ...current, termMonths }, action, now, options.reason);
      const [row] = await tx
        .update(licenses)
        .set({ ...transition.patch, termMonths, version: sql`${licenses.version} + 1`, updatedAt: now })
        .where(and(eq(licenses.id, licenseId), eq(licenses.version, current.version)))
        .returning();
      if (!row) {
        throw new DomainError(
          "STALE_VERSION",
          "The license changed at the same time; reload it and try again",
          {
            field: "licenseId",
          },
        );
      }
      await licenseChanged(tx, ctx.licenseCache, row.id);
      await recordEvent(tx, ctx, {
        action: ACTION_AUDIT[action],
        organizationId: row.organizationId,
        targetType: "license",
        targetId: row.id,
        ...diff(auditSnapshot(current), auditSnapshot(row)),
      });
      return row;
    });
    return licenseView(updated, now);
  } catch (error) {
    if (inForce(error)) throw IN_FORCE_ERROR();
    throw error;
  }
};

type ActionOptions = { expectedVersion?: number | undefined };
const versionOption = (options: ActionOptions) =>
  options.expectedVersion === undefined ? {} : { expectedVersion: options.expectedVersion };

export const activateLicense = (ctx: ServiceContext, licenseId: string, options: ActionOptions = {}) =>
  transitionLicense(ctx, licenseId, "activate", versionOption(options));
export const suspendLicense = (
  ctx: ServiceContext,
  licenseId: string,
  reason: string,
  options: ActionOptions = {},
) => transitionLicense(ctx, licenseId, "suspend", { reason, ...versionOption(options) });
export const reinstateLicense = (ctx: ServiceContext, licenseId: string, options: ActionOptions = {}) =>
  transitionLicense(ctx, licenseId, "reinstate", versionOption(options));
export const cancelLicense = (
  ctx: ServiceContext,
  licenseId: string,
  reason: string,
  options: ActionOptions = {},
) => transitionLicense(ctx, licenseId, "cancel", { reason, ...versionOption(options) });
export const renewLicense = (
  ctx: ServiceContext,
  licenseId: string,
  options: ActionOptions & { termMonths?: number | undefined } = {},
) =>
  transitionLicense(ctx, licenseId, "renew", {
    ...versionOption(options),
    ...(options.termMonths === undefined ? {} : { termMonths: options.termMonths }),
  });
