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
