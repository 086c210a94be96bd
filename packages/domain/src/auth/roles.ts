const USER_KINDS = ["STAFF", "CUSTOMER"] as const;
export type UserKind = (typeof USER_KINDS)[number];

const STAFF_ROLES = ["ADMIN", "SUPPORT", "VIEWER"] as const;
export type StaffRole = (typeof STAFF_ROLES)[number];

export const CUSTOMER_ROLES = ["OWNER", "ADMIN", "MEMBER"] as const;
export type CustomerRole = (typeof CUSTOMER_ROLES)[number];

/** Customer roles that administer their organisation (contact details, team, audit). */
export const CUSTOMER_ADMIN_ROLES = ["OWNER", "ADMIN"] as const satisfies readonly CustomerRole[];

const USER_ROLES = ["ADMIN", "SUPPORT", "VIEWER", "OWNER", "MEMBER"] as const;
export type UserRole = (typeof USER_ROLES)[number];
