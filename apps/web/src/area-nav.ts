import { CUSTOMER_ADMIN_ROLES } from "@tessera/domain";
import type { NavItem } from "./components/shell.tsx";

/**
 * The staff console's navigation; its first item is the area's home. Support agents have no
 * overview: the console opens on their queue (see ConsoleHome in app.tsx).
 */
export const CONSOLE_NAV: NavItem[] = [
  { to: "/console", label: "Overview", end: true, roles: ["ADMIN", "VIEWER"] },
  { to: "/console/organizations", label: "Organisations" },
  { to: "/console/licenses", label: "Licenses" },
  { to: "/console/usage", label: "Usage" },
  { to: "/console/support", label: "Support" },
  { to: "/console/audit", label: "Audit log" },
  { to: "/console/service-keys", label: "Service keys", roles: ["ADMIN"] },
  { to: "/console/sent-email", label: "Sent email", roles: ["ADMIN"] },
  { to: "/console/team", label: "Team", roles: ["ADMIN"] },
];

/** The customer portal's navigation; its first item is the area's home. */
export const PORTAL_NAV: NavItem[] = [
  { to: "/portal", label: "Organisation", end: true },
  { to: "/portal/license", label: "License" },
  { to: "/portal/usage", label: "Usage" },
  { to: "/portal/tickets", label: "Tickets" },
  { to: "/portal/team", label: "Team" },
  { to: "/portal/api-keys", label: "API keys", roles: CUSTOMER_ADMIN_ROLES },
  { to: "/portal/audit", label: "Audit log", roles: CUSTOMER_ADMIN_ROLES },
  { to: "/portal/settings", label: "Settings", roles: CUSTOMER_ADMIN_ROLES },
];
