import { licenses, organizations } from "@tessera/db/schema";
import {
  type CreateLicenseInput,
  DEFAULT_TOKEN_TTL_DAYS,
  DomainError,
  entitlementsFor,
} from "@tessera/domain";
import { eq } from "drizzle-orm";
import type { z } from "zod";
import type { ServiceContext } from "../context.ts";
import { recordEvent } from "../events/record-event.ts";
import { auditSnapshot, IN_FORCE_ERROR, inForce, licenseView, newLicenseKey } from "./license-view.ts";

export const createLicense = async (ctx: ServiceContext, input: z.output<typeof CreateLicenseInput>) => {
  const now = ctx.clock.now();
  const { key, keyHash, keyLast4: last4 } = newLicenseKey();
  try {
    const row = await ctx.db.transaction(async (tx) => {
      const [organization] = await tx
        .select({ id: organizations.id })
        .from(organizations)
        .where(eq(organizations.id, input.organizationId));
      if (!organization)
        throw new DomainError("NOT_FOUND", "Organisation not found", { field: "organizationId" });
      const custom = input.tier === "CUSTOM";
      const [created] = await tx
        .insert(licenses)
        .values({
          organizationId: input.organizationId,
          tier: input.tier,
          status: "PENDING",
          termMonths: input.termMonths,
          autoRenew: input.autoRenew,
          tokenTtlDays: input.tokenTtlDays ?? DEFAULT_TOKEN_TTL_DAYS,
          startsAt: input.startsAt ?? null,
          expiresAt: input.expiresAt ?? null,
          customLimits: custom ? (input.customLimits ?? null) : null,
          customFeatures: custom ? (input.customFeatures ?? []) : null,
          customOverage: custom ? (input.overage ?? null) : null,
          ...(input.reminderDays ? { reminderDays: input.reminderDays } : {}),
          supportResponseCapHours: custom ? (input.supportResponseCapHours ?? null) : null,
          monthlyPriceCents: custom ? (input.monthlyPriceCents ?? null) : null,
          whiteLabel: entitlementsFor({
            tier: input.tier,
            customFeatures: input.customFeatures,
          }).features.includes("CUSTOM_DOMAIN"),
          keyHash,
          keyLast4: last4,
          createdAt: now,
          updatedAt: now,
        })
        .returning();
      if (!created) throw new Error("insert returned no row");
      await recordEvent(tx, ctx, {
        action: "license.created",
        organizationId: created.organizationId,
        targetType: "license",
        targetId: created.id,
        after: auditSnapshot(created),
      });
      return created;
    });
    return { license: licenseView(row, now), key };
  } catch (error) {
    if (inForce(error)) throw IN_FORCE_ERROR();
    throw error;
  }
};
