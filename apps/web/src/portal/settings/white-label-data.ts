import { useQuery, useQueryClient } from "@tanstack/react-query";
import type { AppRouter } from "@tessera/api";
import type { CustomizationType } from "@tessera/domain";
import type { inferRouterOutputs } from "@trpc/server";
import { useTRPC } from "../../trpc.ts";

export type WhiteLabelConfig = inferRouterOutputs<AppRouter>["whiteLabel"]["config"];
export type Gate = WhiteLabelConfig["gates"][CustomizationType];

/** The organisation's effective white-label configuration: what is set, what shows, what the tier allows. */
export const useWhiteLabelConfig = () => {
  const trpc = useTRPC();
  return useQuery(trpc.whiteLabel.config.queryOptions());
};

/**
 * After a white-label change: every white-label query (the theme included, so the portal
 * re-themes at once) and the audit log, which records the change.
 */
export const useRefreshWhiteLabel = () => {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: trpc.whiteLabel.pathKey() }),
      queryClient.invalidateQueries({ queryKey: trpc.audit.pathKey() }),
    ]);
};
