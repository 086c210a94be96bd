import type { Executor } from "@tessera/db";
import { users } from "@tessera/db/schema";
import type { UserRole } from "@tessera/domain";
import { and, eq, inArray, isNull, sql } from "drizzle-orm";
import { renderedOnce } from "../raw-rows.ts";
import type { Recipient } from "./queue.ts";

const asRecipient = { email: users.email, userId: users.id };

/** The organisation's active people in these roles, as mail recipients. */
export const organizationPeople = async (
  executor: Executor,
  organizationId: string,
  roles: UserRole[],
): Promise<Recipient[]> =>
  executor
    .select(asRecipient)
    .from(users)
    .where(
      and(eq(users.organizationId, organizationId), inArray(users.role, roles), isNull(users.disabledAt)),
    );

/** Active staff admins: they hear of CRITICAL tickets and SLA breaches (the support leads). */
export const isActiveStaffAdmin = renderedOnce(
  sql`${users.kind} = 'STAFF' and ${users.role} = 'ADMIN' and ${users.disabledAt} is null`,
);

export const staffAdmins = async (executor: Executor): Promise<Recipient[]> =>
  executor.select(asRecipient).from(users).where(isActiveStaffAdmin);

/** These users, where active and of the kind asked (a staff-only mail never reaches a customer). */
export const activeUsers = async (
  executor: Executor,
  userIds: (string | null | undefined)[],
  kind: "STAFF" | "CUSTOMER",
): Promise<Recipient[]> => {
  const ids = userIds.filter((id): id is string => typeof id === "string");
  if (ids.length === 0) return [];
  return executor
    .select(asRecipient)
    .from(users)
    .where(and(inArray(users.id, ids), eq(users.kind, kind), isNull(users.disabledAt)));
};
