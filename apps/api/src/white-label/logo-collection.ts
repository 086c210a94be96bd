import { brandingAssets, customizations } from "@tessera/db/schema";
import { and, asc, inArray, lt, sql } from "drizzle-orm";
import type { AppDeps } from "../context.ts";
import { recordEvent } from "../events/record-event.ts";
import { jobContext } from "../jobs/job-context.ts";

/** Logos deleted per run at most; the next run takes the rest. */
const BATCH = 500;

/** No BRANDING record of the logo's organisation points at it. */
const unreferenced = sql`not exists (
  select 1 from ${customizations}
  where ${customizations.organizationId} = ${brandingAssets.organizationId}
    and ${customizations.type} = 'BRANDING'
    and ${customizations.value}->>'logoAssetId' = ${brandingAssets.id}::text
)`;

/**
 * Delete uploaded logos that no branding uses once they are older than the grace period
 * (an admin uploads, then saves branding). Safe with several instances and with
 * `setBranding` racing it: candidates are locked (SKIP LOCKED: one that `setBranding` holds
 * `FOR SHARE` is left for a later run), then re-checked by a statement with a fresh snapshot,
 * so a branding saved in between keeps its logo; a `setBranding` arriving after the lock waits
 * and then finds the logo gone (NOT_FOUND on `logoAssetId`).
 */
export const runLogoCollection = async (deps: AppDeps, now: Date) => {
  const ctx = jobContext(deps, now, "logo-collection");
  const cutoff = new Date(now.getTime() - deps.config.LOGO_UNREFERENCED_GRACE_HOURS * 3_600_000);
  const deleted = await deps.db.transaction(async (tx) => {
    const candidates = await tx
      .select({ id: brandingAssets.id })
      .from(brandingAssets)
      .where(and(lt(brandingAssets.createdAt, cutoff), unreferenced))
      .orderBy(asc(brandingAssets.createdAt))
      .limit(BATCH)
      .for("update", { skipLocked: true });
    if (candidates.length === 0) return [];
    const gone = await tx
      .delete(brandingAssets)
      .where(
        and(
          inArray(
            brandingAssets.id,
            candidates.map((row) => row.id),
          ),
          unreferenced,
        ),
      )
      .returning({
        id: brandingAssets.id,
        organizationId: brandingAssets.organizationId,
        sha256: brandingAssets.sha256,
        sizeBytes: brandingAssets.sizeBytes,
      });
    for (const logo of gone) {
      await recordEvent(tx, ctx, {
        action: "white_label.logo_collected",
        organizationId: logo.organizationId,
        targetType: "branding_asset",
        targetId: logo.id,
        before: { sha256: logo.sha256, sizeBytes: logo.sizeBytes },
      });
    }
    return gone;
  });
  return { deleted: deleted.length };
};
