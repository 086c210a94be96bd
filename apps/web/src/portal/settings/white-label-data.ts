import type { AppRouter } from "@tessera/api";
import type { CustomizationType } from "@tessera/domain";
import type { inferRouterOutputs } from "@trpc/server";
import { trpc } from "../../trpc.ts";

export type WhiteLabelConfig = inferRouterOutputs<AppRouter>["whiteLabel"]["config"];
export type Gate = WhiteLabelConfig["gates"][CustomizationType];

/** The organisation's effective white-label configuration: what is set, what shows, what the tier allows. */
export const useWhiteLabelConfig = () => {
  return trpc.whiteLabel.config.useQuery();
};

/**
 * After a white-label change: every white-label query (the theme included, so the portal
 * re-themes at once) and the audit log, which records the change.
 */
export const useRefreshWhiteLabel = () => {
  const utils = trpc.useUtils();
  return () => Promise.all([utils.whiteLabel.invalidate(), utils.audit.invalidate()]);
};
