import type { AppRouter } from "@tessera/api";
import type { inferRouterOutputs } from "@trpc/server";

/** An organisation's effective white-label configuration, as staff see it. */
export type OrganizationConfig = inferRouterOutputs<AppRouter>["whiteLabel"]["organizationConfig"];
