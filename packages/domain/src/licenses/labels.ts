import type { LicenseStatus } from "./lifecycle.ts";
import type { Metric, Tier } from "./tiers.ts";

/** What people call each metric: the one map pages and health reasons share. */
export const METRIC_LABELS: Record<Metric, string> = {
  ACTIVE_USERS: "Active users",
  COURSES: "Courses",
  API_CALLS: "API calls",
  STORAGE_BYTES: "Storage",
};

/** What people call each tier. */
export const TIER_LABELS: Record<Tier, string> = {
  STARTER: "Starter",
  PROFESSIONAL: "Professional",
  ENTERPRISE: "Enterprise",
  CUSTOM: "Custom",
};

/** What people call each license status. */
export const LICENSE_STATUS_LABELS: Record<LicenseStatus, string> = {
  PENDING: "Pending",
  ACTIVE: "Active",
  SUSPENDED: "Suspended",
  EXPIRED: "Expired",
  CANCELLED: "Cancelled",
};
