import { constraintName, type Executor, sqlState, UNIQUE_VIOLATION } from "@tessera/db";
import { organizations, users } from "@tessera/db/schema";
import {
  type CreateOrganizationInput,
  DomainError,
  type UpdateOrganizationInput,
  type UpdateOwnContactInput,
} from "@tessera/domain";
import { and, asc, eq, ilike, isNull, or, type SQL } from "drizzle-orm";
import type { z } from "zod";
import type { ServiceContext } from "../context.ts";
import { diff } from "../events/domain-event.ts";
import { recordEvent } from "../events/record-event.ts";
import { customerScope, issueInvitation } from "../team/invitation-store.ts";

type Organization = typeof organizations.$inferSelect;

/** Escape LIKE wildcards so a search for "100%" finds that text, not everything. */
const likePattern = (text: string) => `%${text.replace(/[\\%_]/g, (char) => `\\${char}`)}%`;

const slugTaken = (error: unknown) =>
  sqlState(error) === UNIQUE_VIOLATION && constraintName(error) === "organizations_slug_unique";

const assertAccountManager = async (executor: Executor, accountManagerId: string | null | undefined) => {
  if (!accountManagerId) return;
  const [manager] = await executor
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.id, accountManagerId), eq(users.kind, "STAFF"), isNull(users.disabledAt)));
  if (!manager) {
    throw new DomainError("VALIDATION_FAILED", "Account manager must be an active staff user", {
      field: "accountManagerId",
    });
  }
};

export const createOrganization = async (
  ctx: ServiceContext,
  input: z.output<typeof CreateOrganizationInput>,
) => {
  const now = ctx.clock.now();
  try {
    return await ctx.db.transaction(async (tx) => {
      await assertAccountManager(tx, input.accountManagerId);
      const [organization] = await tx
        .insert(organizations)
        .values({
          name: input.name,
          slug: input.slug,
          contactName: input.contactName,
          contactEmail: input.contactEmail,
          contactPhone: input.contactPhone ?? null,
          billingAddress: input.billingAddress ?? null,
          metadata: input.metadata,
          accountManagerId: input.accountManagerId ?? null,
          createdAt: now,
          updatedAt: now,
        })
        .returning();
      if (!organization) throw new Error("insert returned no row");
      await recordEvent(tx, ctx, {
        action: "organization.created",
        organizationId: organization.id,
        targetType: "organization",
        targetId: organization.id,
        after: organization,
      });
      // The owner is invited, and becomes the organisation's administrator on accepting.
      if (input.owner) {
        await issueInvitation(tx, ctx, customerScope(organization.id), { ...input.owner, role: "OWNER" });
      }
      return organization;
    });
  } catch (error) {
    if (slugTaken(error)) {
      throw new DomainError("SLUG_TAKEN", `The slug "${input.slug}" is already in use`, { field: "slug" });
    }
    throw error;
  }
};

/** Name, slug, contact name or e-mail containing the text, case-insensitive; none: everything. */
export const organizationSearch = (search: string | undefined): SQL | undefined => {
  if (!search) return undefined;
  const pattern = likePattern(search);
  return or(
    ilike(organizations.name, pattern),
    ilike(organizations.slug, pattern),
    ilike(organizations.contactName, pattern),
    ilike(organizations.contactEmail, pattern),
  );
};

/** One organisation with its account manager's name; NOT_FOUND for an unknown id. */
export const getOrganization = async (ctx: Pick<ServiceContext, "db">, organizationId: string) => {
  const [row] = await ctx.db.select().from(organizations).where(eq(organizations.id, organizationId));
  if (!row) throw new DomainError("NOT_FOUND", "Organisation not found", { field: "organizationId" });
  const [manager] = row.accountManagerId
    ? await ctx.db
        .select({ id: users.id, name: users.name, email: users.email })
        .from(users)
        .where(eq(users.id, row.accountManagerId))
    : [];
  return { ...row, accountManager: manager ?? null };
};

type OrganizationPatch = Partial<
  Pick<
    Organization,
    | "name"
    | "slug"
    | "contactName"
    | "contactEmail"
    | "contactPhone"
    | "billingAddress"
    | "metadata"
    | "accountManagerId"
  >
>;

/** Apply a patch under a row lock and audit exactly what changed. */
const patchOrganization = async (ctx: ServiceContext, organizationId: string, patch: OrganizationPatch) => {
  const defined = Object.fromEntries(Object.entries(patch).filter(([, value]) => value !== undefined));
  try {
    return await ctx.db.transaction(async (tx) => {
      const [current] = await tx
        .select()
        .from(organizations)
        .where(eq(organizations.id, organizationId))
        .for("update");
      if (!current) throw new DomainError("NOT_FOUND", "Organisation not found", { field: "organizationId" });
      if ("accountManagerId" in defined) await assertAccountManager(tx, patch.accountManagerId);
      if (Object.keys(defined).length === 0) return current;
      const [updated] = await tx
        .update(organizations)
        .set({ ...defined, updatedAt: ctx.clock.now() })
        .where(eq(organizations.id, organizationId))
        .returning();
      if (!updated) throw new Error("update returned no row");
      const changes = diff(current, defined);
      await recordEvent(tx, ctx, {
        action: "organization.updated",
        organizationId,
        targetType: "organization",
        targetId: organizationId,
        ...changes,
      });
      return updated;
    });
  } catch (error) {
    if (slugTaken(error)) {
      throw new DomainError("SLUG_TAKEN", `The slug "${patch.slug}" is already in use`, { field: "slug" });
    }
    throw error;
  }
};

export const updateOrganization = (ctx: ServiceContext, input: z.output<typeof UpdateOrganizationInput>) => {
  const { organizationId, ...patch } = input;
  return patchOrganization(ctx, organizationId, patch);
};

/** A customer admin's own contact details; the organisation comes from the session. */
export const updateOwnContact = (
  ctx: ServiceContext,
  organizationId: string,
  input: z.output<typeof UpdateOwnContactInput>,
) => patchOrganization(ctx, organizationId, input);

/** Active staff users, for choosing an account manager. */
export const listStaffUsers = (ctx: ServiceContext) =>
  ctx.db
    .select({ id: users.id, name: users.name, email: users.email, role: users.role })
    .from(users)
    .where(and(eq(users.kind, "STAFF"), isNull(users.disabledAt)))
    .orderBy(asc(users.name));
