import type { Executor } from "@tessera/db";
import { users } from "@tessera/db/schema";
import type { UserRole } from "@tessera/domain";
import { and, eq, inArray, isNull } from "drizzle-orm";
import type { Recipient } from "./queue.ts";

/** The organisation's active people in these roles, as mail recipients. */
export const organizationPeople = async (
  executor: Executor,
  organizationId: string,
  roles: UserRole[],
): Promise<Recipient[]> =>
  executor
    .select({ email: users.email, userId: users.id })
    .from(users)
    .where(
      and(eq(users.organizationId, organizationId), inArray(users.role, roles), isNull(users.disabledAt)),
    );
