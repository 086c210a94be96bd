import { randomBytes } from "node:crypto";
import { scimTokens } from "@tessera/db/schema";
import { DomainError } from "@tessera/domain";
import { and, desc, eq, isNull, lt, or } from "drizzle-orm";
import { sha256 } from "../auth/tokens.ts";
import type { AppDeps, ServiceContext } from "../context.ts";
import { recordEvent } from "../events/record-event.ts";
import { requireAllowed } from "../white-label/store.ts";

const TOKEN_PATTERN = /^scim_[0-9a-f]{8}_[A-Za-z0-9_-]{43}$/;
/** Write last-used at most this often per token, so a directory's sync does not write on every call. */
const LAST_USED_RESOLUTION_MS = 60_000;

/** `scim_<8 hex>_<256 random bits>`; the first 13 characters are the visible prefix. */
const newScimToken = () => {
  const token = `scim_${randomBytes(4).toString("hex")}_${randomBytes(32).toString("base64url")}`;
  return { token, prefix: token.slice(0, 13), tokenHash: sha256(token) };
};

/** The columns anyone may see of a token: never its hash. */
const scimTokenColumns = {
  id: scimTokens.id,
  organizationId: scimTokens.organizationId,
  name: scimTokens.name,
  prefix: scimTokens.prefix,
  createdByUserId: scimTokens.createdByUserId,
  createdAt: scimTokens.createdAt,
  lastUsedAt: scimTokens.lastUsedAt,
  revokedAt: scimTokens.revokedAt,
};

/** A new token for the organisation's directory; the token itself is in this answer only. */
export const createScimToken = (ctx: ServiceContext, organizationId: string, input: { name: string }) => {
  const { token, prefix, tokenHash } = newScimToken();
  return ctx.db.transaction(async (tx) => {
    const now = ctx.clock.now();
    // Provisioning goes with single sign-on: the tier must include SSO.
    await requireAllowed(tx, organizationId, "SSO", now);
    const [created] = await tx
      .insert(scimTokens)
      .values({
        organizationId,
        name: input.name,
        prefix,
        tokenHash,
        createdByUserId: ctx.actor?.userId ?? null,
        createdAt: now,
        updatedAt: now,
      })
      .returning(scimTokenColumns);
    if (!created) throw new Error("insert returned no row");
    await recordEvent(tx, ctx, {
      action: "scim_token.created",
      organizationId,
      targetType: "scim_token",
      targetId: created.id,
      after: created,
    });
    return { ...created, token };
  });
};

export const listScimTokens = (ctx: ServiceContext, organizationId: string) =>
  ctx.db
    .select(scimTokenColumns)
    .from(scimTokens)
    .where(eq(scimTokens.organizationId, organizationId))
    .orderBy(desc(scimTokens.createdAt));

export const revokeScimToken = (ctx: ServiceContext, organizationId: string, scimTokenId: string) =>
  ctx.db.transaction(async (tx) => {
    const [current] = await tx
      .select(scimTokenColumns)
      .from(scimTokens)
      .where(and(eq(scimTokens.id, scimTokenId), eq(scimTokens.organizationId, organizationId)));
    if (!current) throw new DomainError("NOT_FOUND", "SCIM token not found", { field: "scimTokenId" });
    if (current.revokedAt) return current;
    const now = ctx.clock.now();
    // Conditional: of concurrent revocations exactly one changes the row, and only it is audited.
    const [revoked] = await tx
      .update(scimTokens)
      .set({ revokedAt: now, updatedAt: now })
      .where(and(eq(scimTokens.id, scimTokenId), isNull(scimTokens.revokedAt)))
      .returning(scimTokenColumns);
    if (!revoked) return current;
    await recordEvent(tx, ctx, {
      action: "scim_token.revoked",
      organizationId,
      targetType: "scim_token",
      targetId: scimTokenId,
      before: { revokedAt: null },
      after: { revokedAt: now },
    });
    return revoked;
  });

interface ScimPrincipal {
  tokenId: string;
  prefix: string;
  organizationId: string;
}

/** The organisation behind a Bearer token, or null for a malformed, unknown or revoked one. Records last use. */
export const resolveScimToken = async (
  deps: Pick<AppDeps, "db" | "clock">,
  token: string,
): Promise<ScimPrincipal | null> => {
  if (!TOKEN_PATTERN.test(token)) return null;
  const [row] = await deps.db
    .select(scimTokenColumns)
    .from(scimTokens)
    .where(and(eq(scimTokens.tokenHash, sha256(token)), isNull(scimTokens.revokedAt)));
  if (!row) return null;
  const now = deps.clock.now();
  if (!row.lastUsedAt || now.getTime() - row.lastUsedAt.getTime() > LAST_USED_RESOLUTION_MS) {
    const stale = new Date(now.getTime() - LAST_USED_RESOLUTION_MS);
    await deps.db
      .update(scimTokens)
      .set({ lastUsedAt: now })
      .where(
        and(eq(scimTokens.id, row.id), or(isNull(scimTokens.lastUsedAt), lt(scimTokens.lastUsedAt, stale))),
      );
  }
  return { tokenId: row.id, prefix: row.prefix, organizationId: row.organizationId };
};
