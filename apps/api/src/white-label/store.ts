import { constraintName, type Executor, sqlState, UNIQUE_VIOLATION } from "@tessera/db";
import { customizations } from "@tessera/db/schema";
import {
  type CustomizationType,
  DomainError,
  type Entitlements,
  requireCustomizationAllowed,
} from "@tessera/domain";
import { and, eq } from "drizzle-orm";
import type { ServiceContext } from "../context.ts";
import { diff } from "../events/domain-event.ts";
import { recordEvent } from "../events/record-event.ts";
import { currentEntitlements } from "../licenses/entitlements.ts";

export type CustomizationRow = typeof customizations.$inferSelect;

/** A record as anyone may see it: the encrypted secret stays behind, only whether one is set shows. */
export const customizationView = (row: CustomizationRow) => ({
  id: row.id,
  organizationId: row.organizationId,
  type: row.type,
  key: row.key,
  value: row.value,
  hasSecret: row.secretCiphertext !== null,
  version: row.version,
  createdAt: row.createdAt,
  updatedAt: row.updatedAt,
});
/** TIER_FEATURE_REQUIRED unless the organisation's license includes the customisation. */
export const requireAllowed = async (
  executor: Executor,
  organizationId: string,
  type: CustomizationType,
  now: Date,
): Promise<Entitlements> => {
  const entitlements = await currentEntitlements(executor, organizationId, now);
  requireCustomizationAllowed(entitlements, type);
  return entitlements as Entitlements;
};

export const findCustomization = async (
  executor: Executor,
  organizationId: string,
  type: CustomizationType,
  key: string,
): Promise<CustomizationRow | null> => {
  const [row] = await executor
    .select()
    .from(customizations)
    .where(
      and(
        eq(customizations.organizationId, organizationId),
        eq(customizations.type, type),
        eq(customizations.key, key),
      ),
    );
  return row ?? null;
};

export const listCustomizations = (executor: Executor, organizationId: string, type?: CustomizationType) =>
  executor
    .select()
    .from(customizations)
    .where(
      type
        ? and(eq(customizations.organizationId, organizationId), eq(customizations.type, type))
        : eq(customizations.organizationId, organizationId),
    )
    .orderBy(customizations.type, customizations.key);

interface SaveCustomization {
  organizationId: string;
  type: CustomizationType;
  key: string;
  value: Record<string, unknown>;
  /** Sealed secret to store; undefined keeps the one stored. */
  secretCiphertext?: string | null;
  /** The audit action, e.g. `white_label.branding_set`. */
  action: string;
}

/**
 * Create or replace one record, audited with before/after of its value, inside `tx`. The
 * update is conditional on the version read, so of two racing saves neither is lost silently:
 * the later one answers STALE_VERSION. A hostname another organisation holds answers
 * DOMAIN_TAKEN.
 */
export const saveCustomization = async (
  tx: Executor,
  ctx: ServiceContext,
  input: SaveCustomization,
): Promise<CustomizationRow> => {
  const now = ctx.clock.now();
  const current = await findCustomization(tx, input.organizationId, input.type, input.key);
  let saved: CustomizationRow | undefined;
  try {
    if (current) {
      [saved] = await tx
        .update(customizations)
        .set({
          value: input.value,
          ...(input.secretCiphertext !== undefined ? { secretCiphertext: input.secretCiphertext } : {}),
          version: current.version + 1,
          updatedAt: now,
        })
        .where(and(eq(customizations.id, current.id), eq(customizations.version, current.version)))
        .returning();
      if (!saved)
        throw new DomainError("STALE_VERSION", "Changed by someone else meanwhile; reload and try again");
    } else {
      [saved] = await tx
        .insert(customizations)
        .values({
          organizationId: input.organizationId,
          type: input.type,
          key: input.key,
          value: input.value,
          secretCiphertext: input.secretCiphertext ?? null,
          createdAt: now,
          updatedAt: now,
        })
        .returning();
    }
  } catch (error) {
    if (sqlState(error) === UNIQUE_VIOLATION) {
      if (constraintName(error) === "customizations_domain_hostname_unique") {
        throw new DomainError("DOMAIN_TAKEN", "This hostname is already registered to an organisation", {
          field: "hostname",
        });
      }
      throw new DomainError("STALE_VERSION", "Changed by someone else meanwhile; reload and try again");
    }
    throw error;
  }
  if (!saved) throw new Error("save returned no row");
  await recordEvent(tx, ctx, {
    action: input.action,
    organizationId: input.organizationId,
    targetType: "customization",
    targetId: saved.id,
    ...(current ? diff(current.value, saved.value) : { before: null, after: saved.value }),
  });
  return saved;
};
