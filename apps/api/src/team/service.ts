import type { Transaction } from "@tessera/db";
import { organizations, sessions, users } from "@tessera/db/schema";
import {
  assertKeepsAnOwner,
  type CustomerRole,
  DomainError,
  type NewCustomerUser,
  type PageInput,
  pageOffset,
  toPage,
} from "@tessera/domain";
import { and, asc, count, eq, isNull } from "drizzle-orm";
import type { z } from "zod";
import { hashPassword } from "../auth/password.ts";
import type { ServiceContext } from "../context.ts";
import { diff } from "../events/domain-event.ts";
import { recordEvent } from "../events/record-event.ts";
import { requireQuota } from "../quotas/organization-lock.ts";

/** What any reader of a team sees of a user: never the password hash. */
const memberColumns = {
  id: users.id,
  email: users.email,
  name: users.name,
  role: users.role,
  organizationId: users.organizationId,
  disabledAt: users.disabledAt,
  lastSignInAt: users.lastSignInAt,
  createdAt: users.createdAt,
};

interface NewMember {
  email: string;
  name: string;
  role: CustomerRole;
  passwordHash: string;
}

/** Hash outside any transaction: scrypt is slow on purpose and must not hold a lock. */
const withPasswordHash = async <T extends { password: string }>(input: T) => ({
  ...input,
  passwordHash: await hashPassword(input.password),
});

/**
 * Insert a customer user inside the caller's transaction, within the organisation's
 * team-member quota; null when the email is already taken anywhere (the unique index decides,
 * so a race between two inserts has one winner and no error). The organisation's first owner
 * becomes its administrator (`adminUserId`).
 */
export const insertIfEmailFree = async (
  tx: Transaction,
  ctx: ServiceContext,
  organizationId: string,
  member: NewMember,
) => {
  await requireQuota(tx, organizationId, "TEAM_MEMBERS", undefined, async () => {
    const [members] = await tx
      .select({ total: count() })
      .from(users)
      .where(eq(users.organizationId, organizationId));
    return members?.total ?? 0;
  });
  const now = ctx.clock.now();
  const [created] = await tx
    .insert(users)
    .values({
      email: member.email,
      name: member.name,
      passwordHash: member.passwordHash,
      kind: "CUSTOMER",
      role: member.role,
      organizationId,
      createdAt: now,
      updatedAt: now,
    })
    .onConflictDoNothing()
    .returning(memberColumns);
  if (!created) return null;
  if (created.role === "OWNER") {
    await tx
      .update(organizations)
      .set({ adminUserId: created.id })
      .where(and(eq(organizations.id, organizationId), isNull(organizations.adminUserId)));
  }
  await recordEvent(tx, ctx, {
    action: "user.created",
    organizationId,
    targetType: "user",
    targetId: created.id,
    after: created,
  });
  return created;
};

const emailTaken = (email: string, field: string) =>
  new DomainError("EMAIL_TAKEN", `A user with email ${email} already exists`, { field });

export const listMembers = async (
  ctx: ServiceContext,
  organizationId: string,
  page: z.output<typeof PageInput>,
) => {
  const where = eq(users.organizationId, organizationId);
  const [items, totals] = await Promise.all([
    ctx.db
      .select(memberColumns)
      .from(users)
      .where(where)
      .orderBy(asc(users.name), asc(users.id))
      .limit(page.pageSize)
      .offset(pageOffset(page.page, page.pageSize)),
    ctx.db.select({ total: count() }).from(users).where(where),
  ]);
  return toPage(items, totals[0]?.total ?? 0, page.page, page.pageSize);
};

/** Only an OWNER (or staff) hands out or takes away the OWNER role. */
export const assertMayGrant = (ctx: ServiceContext, role: CustomerRole | undefined, field: string) => {
  if (ctx.actor?.kind === "CUSTOMER" && ctx.actor.role !== "OWNER" && role === "OWNER") {
    throw new DomainError("FORBIDDEN", "Only an owner may make someone an owner", { field });
  }
};

/** The seed and the tests add a member with a known password; a taken email answers EMAIL_TAKEN. People are invited. */
export const addMember = async (
  ctx: ServiceContext,
  organizationId: string,
  input: z.output<typeof NewCustomerUser>,
) => {
  assertMayGrant(ctx, input.role, "role");
  const member = await withPasswordHash(input);
  return ctx.db.transaction(async (tx) => {
    await requireOrganization(tx, organizationId);
    const created = await insertIfEmailFree(tx, ctx, organizationId, member);
    if (!created) throw emailTaken(member.email, "email");
    return created;
  });
};

export const requireOrganization = async (tx: Transaction, organizationId: string) => {
  const [organization] = await tx
    .select({ id: organizations.id })
    .from(organizations)
    .where(eq(organizations.id, organizationId));
  if (!organization)
    throw new DomainError("NOT_FOUND", "Organisation not found", { field: "organizationId" });
};

interface MemberChange {
  userId: string;
  role?: CustomerRole | undefined;
  disabled?: boolean | undefined;
}

/**
 * Change a member's role or disable/enable them. The organisation row is locked first so
 * that two concurrent changes cannot both remove "the other" last owner.
 */
export const updateMember = async (ctx: ServiceContext, organizationId: string, change: MemberChange) =>
  ctx.db.transaction(async (tx) => {
    const [organization] = await tx
      .select({ id: organizations.id })
      .from(organizations)
      .where(eq(organizations.id, organizationId))
      .for("update");
    if (!organization)
      throw new DomainError("NOT_FOUND", "Organisation not found", { field: "organizationId" });
    const members = await tx
      .select({ ...memberColumns })
      .from(users)
      .where(eq(users.organizationId, organizationId));
    const target = members.find((member) => member.id === change.userId);
    if (!target)
      throw new DomainError("NOT_FOUND", "User not found in this organisation", { field: "userId" });

    const actor = ctx.actor;
    if (actor?.kind === "CUSTOMER") {
      if (target.role === "OWNER" && actor.role !== "OWNER") {
        throw new DomainError("FORBIDDEN", "Only an owner may change an owner", { field: "userId" });
      }
      if (change.disabled && target.id === actor.userId) {
        throw new DomainError("FORBIDDEN", "You cannot disable your own account", { field: "disabled" });
      }
    }
    assertMayGrant(ctx, change.role, "role");
    assertKeepsAnOwner(
      members.map((member) => ({
        id: member.id,
        role: member.role as CustomerRole,
        disabled: member.disabledAt !== null,
      })),
      change,
    );

    const now = ctx.clock.now();
    const patch: { role?: CustomerRole; disabledAt?: Date | null } = {};
    if (change.role !== undefined) patch.role = change.role;
    if (change.disabled !== undefined) patch.disabledAt = change.disabled ? (target.disabledAt ?? now) : null;
    const [updated] = await tx
      .update(users)
      .set({ ...patch, updatedAt: now })
      .where(and(eq(users.id, target.id), eq(users.organizationId, organizationId)))
      .returning(memberColumns);
    if (!updated) throw new Error("update returned no row");
    if (change.disabled) await tx.delete(sessions).where(eq(sessions.userId, target.id));
    await recordEvent(tx, ctx, {
      action:
        change.disabled === undefined
          ? "user.role_changed"
          : change.disabled
            ? "user.disabled"
            : "user.enabled",
      organizationId,
      targetType: "user",
      targetId: target.id,
      ...diff(target, updated),
    });
    return updated;
  });

/** The organisation a customer user belongs to, for staff routes that take a user id. */
export const organizationOfUser = async (ctx: ServiceContext, userId: string): Promise<string> => {
  const [user] = await ctx.db
    .select({ organizationId: users.organizationId })
    .from(users)
    .where(and(eq(users.id, userId), eq(users.kind, "CUSTOMER")));
  if (!user?.organizationId) throw new DomainError("NOT_FOUND", "User not found", { field: "userId" });
  return user.organizationId;
};
