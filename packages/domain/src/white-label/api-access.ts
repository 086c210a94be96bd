import { z } from "zod";
import type { Tier } from "../licenses/tiers.ts";

export const EnableApiInput = z.object({ enabled: z.boolean() });
export type EnableApiInput = z.input<typeof EnableApiInput>;

/**
 * Requests per minute an organisation's API keys may make together, by tier. CUSTOM gets
 * ENTERPRISE's allowance: its contract negotiates usage limits, not request rates.
 */
export const API_REQUESTS_PER_MINUTE: Record<Tier, number> = {
  STARTER: 600,
  PROFESSIONAL: 3_000,
  ENTERPRISE: 30_000,
  CUSTOM: 30_000,
};
