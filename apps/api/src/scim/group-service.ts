import type { Database } from "@tessera/db";
import { organizations, users } from "@tessera/db/schema";
import { type CustomerRole, DomainError } from "@tessera/domain";
import { and, asc, eq } from "drizzle-orm";
import type { ServiceContext } from "../context.ts";
import { recordEvent } from "../events/record-event.ts";
import { GROUP_SCHEMA } from "./protocol.ts";
import { invalidValue, ROLE_GROUPS, type RoleGroup } from "./user-document.ts";
import type { PatchOperation } from "./user-patch.ts";
import { isUuid, visibleUsers } from "./user-store.ts";

const MEMBER_FILTER = /^members\[value eq "([^"]+)"\]$/i;

export const findGroup = (groupId: string): RoleGroup => {
  const group = ROLE_GROUPS.find((candidate) => candidate.id === groupId.toLowerCase());
  if (!group) throw new DomainError("NOT_FOUND", "Group not found", { field: "id" });
  return group;
};

export const toScimGroup = (
  group: RoleGroup,
  members: readonly { id: string; email: string }[] | null,
  base: string,
) => ({
  schemas: [GROUP_SCHEMA],
  id: group.id,
  displayName: group.displayName,
  ...(members
    ? {
        members: members.map((member) => ({
          value: member.id,
          display: member.email,
          $ref: `${base}/Users/${member.id}`,
        })),
      }
    : {}),
  meta: { resourceType: "Group", location: `${base}/Groups/${group.id}` },
});

/** The organisation's users in each role group. */
export const groupMembers = async (db: Database, organizationId: string, group: RoleGroup) =>
  db
    .select({ id: users.id, email: users.email })
    .from(users)
    .where(and(visibleUsers(organizationId), eq(users.role, group.role)))
    .orderBy(asc(users.createdAt), asc(users.id));

const memberIds = (value: unknown): string[] => {
  const list = Array.isArray(value) ? value : [value];
  return list.map((member) => {
    const id = (member as { value?: unknown } | null)?.value;
    if (typeof id !== "string") throw invalidValue("members must be objects with a value", "members");
    return id;
  });
};

/** Who joins the group and who leaves it (to MEMBER), from PatchOp operations on `members`. */
const membershipChanges = (operations: readonly PatchOperation[], current: readonly string[]) => {
  const joins = new Set<string>();
  const leaves = new Set<string>();
  for (const operation of operations) {
    const op = String(operation.op).toLowerCase();
    const path = operation.path?.trim() ?? "";
    const single = MEMBER_FILTER.exec(path)?.[1];
    if (op === "remove" && single) leaves.add(single);
    else if (op === "remove" && path.toLowerCase() === "members") {
      for (const id of operation.value === undefined ? current : memberIds(operation.value)) leaves.add(id);
    } else if ((op === "add" || op === "replace") && path.toLowerCase() === "members") {
      const ids = memberIds(operation.value);
      if (op === "replace") for (const id of current) if (!ids.includes(id)) leaves.add(id);
      for (const id of ids) {
        joins.add(id);
        leaves.delete(id);
      }
    } else {
      throw new DomainError("BAD_REQUEST", "Only members can be changed in a group", {
        field: "path",
        scimType: "mutability",
      });
    }
  }
  return { joins, leaves };
};

/**
 * Group membership is a role: joining Admins makes a user ADMIN, leaving Owners or Admins
 * makes them MEMBER (leaving Members changes nothing). The last active owner stays.
 */
export const patchGroup = (
  ctx: ServiceContext,
  organizationId: string,
  group: RoleGroup,
  operations: PatchOperation[],
) =>
  ctx.db.transaction(async (tx) => {
    await tx
      .select({ id: organizations.id })
      .from(organizations)
      .where(eq(organizations.id, organizationId))
      .for("update");
    const members = await tx
      .select({ id: users.id, role: users.role, disabledAt: users.disabledAt })
      .from(users)
      .where(visibleUsers(organizationId));
    const current = members.filter((member) => member.role === group.role).map((member) => member.id);
    const { joins, leaves } = membershipChanges(operations, current);
    const roles = new Map(members.map((member) => [member.id, member.role as CustomerRole]));
    for (const id of joins) roles.set(id, group.role);
    for (const id of leaves)
      if (roles.get(id) === group.role && group.role !== "MEMBER") roles.set(id, "MEMBER");
    for (const id of [...joins, ...leaves]) {
      if (!isUuid(id) || !members.some((member) => member.id === id)) {
        throw invalidValue(`No user ${id} in this organisation`, "members");
      }
    }
    const before = members.map((member) => ({ ...member, role: member.role as CustomerRole }));
    // Checked on the whole change at once: an owner may leave Owners while another joins.
    const activeOwners = (role: (member: (typeof before)[number]) => CustomerRole) =>
      before.filter((member) => role(member) === "OWNER" && member.disabledAt === null).length;
    if (
      activeOwners((member) => member.role) > 0 &&
      activeOwners((member) => roles.get(member.id) ?? member.role) === 0
    ) {
      throw new DomainError("LAST_OWNER", "An organisation must keep at least one active owner", {
        field: "members",
      });
    }
    const now = ctx.clock.now();
    for (const member of before) {
      const role = roles.get(member.id) ?? member.role;
      if (role === member.role) continue;
      await tx
        .update(users)
        .set({ role, updatedAt: now })
        .where(and(eq(users.id, member.id), eq(users.organizationId, organizationId)));
      await recordEvent(tx, ctx, {
        action: "user.role_changed",
        organizationId,
        targetType: "user",
        targetId: member.id,
        before: { role: member.role },
        after: { role },
      });
    }
  });
