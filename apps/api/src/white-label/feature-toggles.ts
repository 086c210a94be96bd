import { customizations, licenses } from "@tessera/db/schema";
import { IN_FORCE_STATUSES, type SetFeatureToggleInput } from "@tessera/domain";
import { and, count, eq, inArray } from "drizzle-orm";
import type { z } from "zod";
import type { ServiceContext } from "../context.ts";
import { licenseChanged } from "../licenses/validation-cache.ts";
import { requireQuota } from "../quotas/organization-lock.ts";
import { customizationView, findCustomization, requireAllowed, saveCustomization } from "./store.ts";

/** Flags reach the platform through validation and tokens: drop cached lookups of the org's licenses. */
export const featureTogglesChanged = async (
  tx: Parameters<typeof licenseChanged>[0],
  ctx: ServiceContext,
  organizationId: string,
) => {
  const rows = await tx
    .select({ id: licenses.id })
    .from(licenses)
    .where(
      and(eq(licenses.organizationId, organizationId), inArray(licenses.status, [...IN_FORCE_STATUSES])),
    );
  for (const row of rows) await licenseChanged(tx, ctx.licenseCache, row.id);
};

export const setFeatureToggle = async (
  ctx: ServiceContext,
  organizationId: string,
  input: z.output<typeof SetFeatureToggleInput>,
) =>
  ctx.db.transaction(async (tx) => {
    await requireAllowed(tx, organizationId, "FEATURE", ctx.clock.now());
    // A new key counts against the quota; the lock also orders two writers of one new key.
    await requireQuota(tx, organizationId, "FEATURE_TOGGLES", "key", async () => {
      if (await findCustomization(tx, organizationId, "FEATURE", input.key)) return 0;
      const [flags] = await tx
        .select({ total: count() })
        .from(customizations)
        .where(and(eq(customizations.organizationId, organizationId), eq(customizations.type, "FEATURE")));
      return flags?.total ?? 0;
    });
    const row = await saveCustomization(tx, ctx, {
      organizationId,
      type: "FEATURE",
      key: input.key,
      value: { enabled: input.enabled, description: input.description ?? null },
      action: "white_label.feature_toggle_set",
    });
    await featureTogglesChanged(tx, ctx, organizationId);
    return customizationView(row);
  });
