import type { QueryClient } from "@tanstack/react-query";
import type { AppRouter } from "@tessera/api";
import type { inferRouterOutputs } from "@trpc/server";
import { type ReactNode, useEffect } from "react";
import { isThemeQuery, trpc } from "../trpc.ts";
import { brandVariables } from "./brand-colours.ts";

export type Theme = inferRouterOutputs<AppRouter>["whiteLabel"]["theme"];

/** Ask the API for the theme again: after sign-in, sign-out and branding changes. */
export const refreshTheme = (queryClient: QueryClient) =>
  queryClient.invalidateQueries({ predicate: (query) => isThemeQuery(query.queryKey) });

/**
 * The look of the page: the signed-in customer's organisation, the verified custom domain's,
 * or Tessera's. Undefined until the first answer (the stylesheet holds Tessera's colours).
 */
export const useTheme = (): Theme | undefined => {
  return trpc.whiteLabel.theme.useQuery(undefined, { staleTime: 60_000 }).data;
};

/**
 * Applies the theme to the document root: the API's CSS variables (`--brand-primary` …) and
 * the text colours worked out from them, which the stylesheet's `brand` colours read.
 */
export const ThemeProvider = ({ children }: { children: ReactNode }) => {
  const branding = useTheme()?.branding;
  useEffect(() => {
    if (!branding) return;
    const root = document.documentElement.style;
    const variables = { ...branding.cssVariables, ...brandVariables(branding) };
    for (const [name, value] of Object.entries(variables)) root.setProperty(name, value);
  }, [branding]);
  return <>{children}</>;
};
