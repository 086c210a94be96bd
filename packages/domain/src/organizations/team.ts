import type { CustomerRole } from "../auth/roles.ts";
import { DomainError } from "../errors.ts";

export interface TeamMemberState {
  id: string;
  role: CustomerRole;
  disabled: boolean;
}

/**
 * An organisation must keep at least one enabled OWNER. Given the members as they are and
 * the change asked for, refuse it when it would leave none.
 */
export const assertKeepsAnOwner = (
  members: readonly TeamMemberState[],
  change: { userId: string; role?: CustomerRole; disabled?: boolean },
): void => {
  const after = members.map((member) =>
    member.id === change.userId
      ? { ...member, role: change.role ?? member.role, disabled: change.disabled ?? member.disabled }
      : member,
  );
  const ownersAfter = after.filter((member) => member.role === "OWNER" && !member.disabled).length;
  const ownersBefore = members.filter((member) => member.role === "OWNER" && !member.disabled).length;
  if (ownersAfter === 0 && ownersBefore > 0) {
    throw new DomainError("LAST_OWNER", "An organisation must keep at least one active owner", {
      field: change.role !== undefined ? "role" : "disabled",
    });
  }
};
