import { apiKeys, licenses } from "@tessera/db/schema";
import {
  API_REQUESTS_PER_MINUTE,
  apiAccessRefusal,
  customizationGate,
  type Feature,
  IN_FORCE_STATUSES,
  SINGLETON_KEY,
} from "@tessera/domain";
import { and, count, eq, gt, inArray, isNull, or } from "drizzle-orm";
import type { ServiceContext } from "../context.ts";
import { currentEntitlements } from "../licenses/entitlements.ts";
import { findCustomization, requireAllowed, saveCustomization } from "./store.ts";

/** Whether the organisation's API keys work (by the rule every key call is held to), and how fast they may go. */
export const getApiAccess = async (ctx: ServiceContext, organizationId: string) => {
  const now = ctx.clock.now();
  const [row, entitlements, [keys], [license]] = await Promise.all([
    findCustomization(ctx.db, organizationId, "API", SINGLETON_KEY),
    currentEntitlements(ctx.db, organizationId, now),
    ctx.db
      .select({ active: count() })
      .from(apiKeys)
      .where(
        and(
          eq(apiKeys.organizationId, organizationId),
          isNull(apiKeys.revokedAt),
          or(isNull(apiKeys.expiresAt), gt(apiKeys.expiresAt, now)),
        ),
      ),
    ctx.db
      .select()
      .from(licenses)
      .where(
        and(eq(licenses.organizationId, organizationId), inArray(licenses.status, [...IN_FORCE_STATUSES])),
      ),
  ]);
  const gate = customizationGate(entitlements, "API");
  const enabled = Boolean(row?.value.enabled);
  const refusal = apiAccessRefusal(
    enabled,
    license ? { ...license, customFeatures: license.customFeatures as Feature[] | null } : null,
    now,
  );
  return {
    id: row?.id ?? null,
    enabled,
    active: refusal === null,
    refusal,
    gate,
    requestsPerMinute: entitlements ? API_REQUESTS_PER_MINUTE[entitlements.tier] : null,
    activeKeys: keys?.active ?? 0,
  };
};

/** Turn the organisation's API keys on or off; off refuses every call made with them. */
export const enableAPI = async (ctx: ServiceContext, organizationId: string, enabled: boolean) => {
  await ctx.db.transaction(async (tx) => {
    await requireAllowed(tx, organizationId, "API", ctx.clock.now());
    const current = await findCustomization(tx, organizationId, "API", SINGLETON_KEY);
    if (current && current.value.enabled === enabled) return;
    await saveCustomization(tx, ctx, {
      organizationId,
      type: "API",
      key: SINGLETON_KEY,
      value: { enabled },
      action: enabled ? "white_label.api_enabled" : "white_label.api_disabled",
    });
  });
  return getApiAccess(ctx, organizationId);
};
