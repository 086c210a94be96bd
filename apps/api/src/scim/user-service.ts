import { randomBytes } from "node:crypto";
import { constraintName, sqlState, type Transaction, UNIQUE_VIOLATION } from "@tessera/db";
import { organizations, sessions, users } from "@tessera/db/schema";
import { assertKeepsAnOwner, type CustomerRole, DomainError } from "@tessera/domain";
import { and, eq } from "drizzle-orm";
import { hashPassword } from "../auth/password.ts";
import type { ServiceContext } from "../context.ts";
import { diff } from "../events/domain-event.ts";
import { recordEvent } from "../events/record-event.ts";
import { insertIfEmailFree } from "../team/service.ts";
import { type ScimUserChange, type ScimUserRow, toUserChange, type WritableUser } from "./user-document.ts";
import { scimUserColumns, visibleUsers } from "./user-store.ts";

const notFound = () => new DomainError("NOT_FOUND", "User not found", { field: "id" });

const uniqueness = (detail: string, field: string) =>
  new DomainError("CONFLICT", detail, { field, scimType: "uniqueness" });

/** A unique index refusing the write, as SCIM's 409 uniqueness naming the attribute. */
const asUniqueness = (error: unknown): unknown => {
  if (sqlState(error) !== UNIQUE_VIOLATION) return error;
  return constraintName(error) === "users_scim_external_id_unique"
    ? uniqueness("externalId is already in use in this organisation", "externalId")
    : uniqueness("userName is already in use", "userName");
};

/**
 * Create a user from a SCIM document as a MEMBER, within the team quota. The password is
 * random and never shown: they sign in through SSO or set one by password reset.
 */
export const createScimUser = async (ctx: ServiceContext, organizationId: string, document: WritableUser) => {
  const change = toUserChange(document);
  const passwordHash = await hashPassword(randomBytes(32).toString("base64url"));
  try {
    return await ctx.db.transaction(async (tx) => {
      const created = await insertIfEmailFree(tx, ctx, organizationId, {
        email: change.email,
        name: change.name,
        role: "MEMBER",
        passwordHash,
      });
      if (!created) throw uniqueness("userName is already in use", "userName");
      const [row] = await tx
        .update(users)
        .set({ scimExternalId: change.externalId, disabledAt: change.active ? null : ctx.clock.now() })
        .where(eq(users.id, created.id))
        .returning(scimUserColumns);
      if (!row) throw new Error("update returned no row");
      return row;
    });
  } catch (error) {
    throw asUniqueness(error);
  }
};

/** Lock the organisation (as team changes do) and read its members, so the last-owner rule holds under races. */
const lockedMembers = async (tx: Transaction, organizationId: string) => {
  await tx
    .select({ id: organizations.id })
    .from(organizations)
    .where(eq(organizations.id, organizationId))
    .for("update");
  return tx.select(scimUserColumns).from(users).where(visibleUsers(organizationId));
};

const ownerStates = (members: readonly ScimUserRow[]) =>
  members.map((member) => ({
    id: member.id,
    role: member.role as CustomerRole,
    disabled: member.disabledAt !== null,
  }));

/** Columns for a change; deactivation keeps the first disabled time. */
const columnsOf = (target: ScimUserRow, change: ScimUserChange, now: Date) => ({
  email: change.email,
  name: change.name,
  scimExternalId: change.externalId,
  disabledAt: change.active ? null : (target.disabledAt ?? now),
  updatedAt: now,
});

/**
 * Replace (PUT) or patch a user: `edit` turns the current document into the new one. A
 * deactivation ends the user's sessions in the same transaction; the last active owner stays.
 */
export const changeScimUser = async (
  ctx: ServiceContext,
  organizationId: string,
  userId: string,
  edit: (current: ScimUserRow) => WritableUser,
) => {
  try {
    return await ctx.db.transaction(async (tx) => {
      const members = await lockedMembers(tx, organizationId);
      const target = members.find((member) => member.id === userId);
      if (!target) throw notFound();
      const change = toUserChange(edit(target));
      assertKeepsAnOwner(ownerStates(members), { userId, disabled: !change.active });
      const now = ctx.clock.now();
      const [updated] = await tx
        .update(users)
        .set(columnsOf(target, change, now))
        .where(and(eq(users.id, userId), eq(users.organizationId, organizationId)))
        .returning(scimUserColumns);
      if (!updated) throw new Error("update returned no row");
      const wasActive = target.disabledAt === null;
      if (!change.active) await tx.delete(sessions).where(eq(sessions.userId, userId));
      await recordEvent(tx, ctx, {
        action:
          wasActive && !change.active
            ? "user.disabled"
            : !wasActive && change.active
              ? "user.enabled"
              : "user.updated",
        organizationId,
        targetType: "user",
        targetId: userId,
        ...diff(target, updated),
      });
      return updated;
    });
  } catch (error) {
    throw asUniqueness(error);
  }
};

/**
 * Delete through SCIM: the user is disabled, signed out and hidden from the directory, but
 * kept, as tickets, audit entries and history point at them. Their email stays taken.
 */
export const deleteScimUser = (ctx: ServiceContext, organizationId: string, userId: string) =>
  ctx.db.transaction(async (tx) => {
    const members = await lockedMembers(tx, organizationId);
    const target = members.find((member) => member.id === userId);
    if (!target) throw notFound();
    assertKeepsAnOwner(ownerStates(members), { userId, disabled: true });
    const now = ctx.clock.now();
    await tx
      .update(users)
      .set({ disabledAt: target.disabledAt ?? now, scimDeletedAt: now, scimExternalId: null, updatedAt: now })
      .where(eq(users.id, userId));
    await tx.delete(sessions).where(eq(sessions.userId, userId));
    await recordEvent(tx, ctx, {
      action: "user.deprovisioned",
      organizationId,
      targetType: "user",
      targetId: userId,
      before: { disabledAt: target.disabledAt, scimExternalId: target.scimExternalId },
      after: { disabledAt: target.disabledAt ?? now, scimDeletedAt: now },
    });
  });
