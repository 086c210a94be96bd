import { randomBytes } from "node:crypto";
import { apiKeys, customizations, licenses } from "@tessera/db/schema";
import {
  type ApiKeyScope,
  apiAccessRefusal,
  DomainError,
  type Feature,
  IN_FORCE_STATUSES,
  SINGLETON_KEY,
} from "@tessera/domain";
import { and, count, desc, eq, inArray, isNull, lt, or, type SQL, sql } from "drizzle-orm";
import { sha256 } from "../auth/tokens.ts";
import type { AppDeps, ServiceContext } from "../context.ts";
import { recordEvent } from "../events/record-event.ts";
import { requireQuota } from "../quotas/organization-lock.ts";
import type { ApiKeyPrincipal, ApiKeyProblem } from "./principal.ts";

const KEY_PATTERN = /^tsk_[0-9a-f]{8}_[A-Za-z0-9_-]{43}$/;
/** Write last-used at most this often per key, so hot keys do not write on every call. */
const LAST_USED_RESOLUTION_MS = 60_000;

/** `tsk_<8 hex>_<256 random bits>`; the first 12 characters are the visible prefix. */
const newApiKey = () => {
  const key = `tsk_${randomBytes(4).toString("hex")}_${randomBytes(32).toString("base64url")}`;
  return { key, prefix: key.slice(0, 12), keyHash: sha256(key) };
};

/** The columns anyone may see of a key: never its hash. */
const apiKeyColumns = {
  id: apiKeys.id,
  organizationId: apiKeys.organizationId,
  name: apiKeys.name,
  prefix: apiKeys.prefix,
  scopes: apiKeys.scopes,
  expiresAt: apiKeys.expiresAt,
  revokedAt: apiKeys.revokedAt,
  lastUsedAt: apiKeys.lastUsedAt,
  createdAt: apiKeys.createdAt,
};

export const createApiKey = async (
  ctx: ServiceContext,
  input: { organizationId: string | null; name: string; scopes: ApiKeyScope[]; expiresAt?: Date | undefined },
) => {
  const now = ctx.clock.now();
  if (input.expiresAt && input.expiresAt <= now) {
    throw new DomainError("VALIDATION_FAILED", "must be in the future", { field: "expiresAt" });
  }
  const { key, prefix, keyHash } = newApiKey();
  return ctx.db.transaction(async (tx) => {
    const { organizationId } = input;
    if (organizationId) {
      await requireQuota(tx, organizationId, "API_KEYS", undefined, async () => {
        const [keys] = await tx
          .select({ total: count() })
          .from(apiKeys)
          .where(and(eq(apiKeys.organizationId, organizationId), isNull(apiKeys.revokedAt)));
        return keys?.total ?? 0;
      });
    }
    const [created] = await tx
      .insert(apiKeys)
      .values({
        organizationId: input.organizationId,
        name: input.name,
        prefix,
        keyHash,
        scopes: [...new Set(input.scopes)],
        createdByUserId: ctx.actor?.userId ?? null,
        expiresAt: input.expiresAt ?? null,
        createdAt: now,
        updatedAt: now,
      })
      .returning(apiKeyColumns);
    if (!created) throw new Error("insert returned no row");
    await recordEvent(tx, ctx, {
      action: "api_key.created",
      organizationId: input.organizationId,
      targetType: "api_key",
      targetId: created.id,
      after: created,
    });
    return { ...created, key };
  });
};

/** Keys of one organisation, or the staff service keys when `organizationId` is null. */
export const listApiKeys = (ctx: ServiceContext, organizationId: string | null) =>
  ctx.db
    .select(apiKeyColumns)
    .from(apiKeys)
    .where(organizationId ? eq(apiKeys.organizationId, organizationId) : isNull(apiKeys.organizationId))
    .orderBy(desc(apiKeys.createdAt));

export const revokeApiKey = async (ctx: ServiceContext, organizationId: string | null, apiKeyId: string) =>
  ctx.db.transaction(async (tx) => {
    const owner: SQL = organizationId
      ? eq(apiKeys.organizationId, organizationId)
      : isNull(apiKeys.organizationId);
    const [current] = await tx
      .select(apiKeyColumns)
      .from(apiKeys)
      .where(and(eq(apiKeys.id, apiKeyId), owner));
    if (!current) throw new DomainError("NOT_FOUND", "API key not found", { field: "apiKeyId" });
    if (current.revokedAt) return current;
    const now = ctx.clock.now();
    // Conditional: of concurrent revocations exactly one changes the row, and only it is audited.
    const [revoked] = await tx
      .update(apiKeys)
      .set({ revokedAt: now, updatedAt: now })
      .where(and(eq(apiKeys.id, apiKeyId), isNull(apiKeys.revokedAt)))
      .returning(apiKeyColumns);
    if (!revoked) {
      const [settled] = await tx.select(apiKeyColumns).from(apiKeys).where(eq(apiKeys.id, apiKeyId));
      return settled ?? current;
    }
    await recordEvent(tx, ctx, {
      action: "api_key.revoked",
      organizationId,
      targetType: "api_key",
      targetId: apiKeyId,
      before: { revokedAt: null },
      after: { revokedAt: now },
    });
    return revoked;
  });

/** The principal behind a Bearer key, or why there is none. Records last use. */
export const resolveApiKey = async (
  deps: Pick<AppDeps, "db" | "clock">,
  key: string,
): Promise<ApiKeyPrincipal | ApiKeyProblem> => {
  if (!KEY_PATTERN.test(key)) return "UNKNOWN";
  // One query answers who the key is and whether its organisation's API access is on.
  const [row] = await deps.db
    .select({
      ...apiKeyColumns,
      apiEnabled: sql<boolean>`coalesce((${customizations.value}->>'enabled')::boolean, false)`,
      tier: licenses.tier,
      customFeatures: licenses.customFeatures,
      licenseStatus: licenses.status,
      licenseExpiresAt: licenses.expiresAt,
      licenseAutoRenew: licenses.autoRenew,
      licenseRenewalFailedAt: licenses.renewalFailedAt,
    })
    .from(apiKeys)
    .leftJoin(
      customizations,
      and(
        eq(customizations.organizationId, apiKeys.organizationId),
        eq(customizations.type, "API"),
        eq(customizations.key, SINGLETON_KEY),
      ),
    )
    .leftJoin(
      licenses,
      and(
        eq(licenses.organizationId, apiKeys.organizationId),
        inArray(licenses.status, [...IN_FORCE_STATUSES]),
      ),
    )
    .where(eq(apiKeys.keyHash, sha256(key)));
  if (!row) return "UNKNOWN";
  const now = deps.clock.now();
  if (row.revokedAt) return "REVOKED";
  if (row.expiresAt && row.expiresAt <= now) return "EXPIRED";
  if (!row.lastUsedAt || now.getTime() - row.lastUsedAt.getTime() > LAST_USED_RESOLUTION_MS) {
    await deps.db
      .update(apiKeys)
      .set({ lastUsedAt: now })
      .where(
        and(
          eq(apiKeys.id, row.id),
          or(
            isNull(apiKeys.lastUsedAt),
            lt(apiKeys.lastUsedAt, new Date(now.getTime() - LAST_USED_RESOLUTION_MS)),
          ),
        ),
      );
  }
  const refusal = row.organizationId
    ? apiAccessRefusal(
        row.apiEnabled,
        row.tier && row.licenseStatus
          ? {
              tier: row.tier,
              status: row.licenseStatus,
              expiresAt: row.licenseExpiresAt,
              autoRenew: row.licenseAutoRenew ?? false,
              renewalFailedAt: row.licenseRenewalFailedAt,
              customFeatures: row.customFeatures as Feature[] | null,
            }
          : null,
        now,
      )
    : null;
  return {
    id: row.id,
    prefix: row.prefix,
    name: row.name,
    organizationId: row.organizationId,
    scopes: row.scopes as ApiKeyScope[],
    ...(row.organizationId ? { access: { enabled: refusal === null, refusal, tier: row.tier } } : {}),
  };
};
