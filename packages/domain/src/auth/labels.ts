import type { UserRole } from "./roles.ts";

/** What people call each role, staff and customer. */
export const ROLE_LABELS: Record<UserRole, string> = {
  ADMIN: "Admin",
  SUPPORT: "Support",
  VIEWER: "Viewer",
  OWNER: "Owner",
  MEMBER: "Member",
};
