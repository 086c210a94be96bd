import type { AppRouter } from "@tessera/api";
import type { inferRouterOutputs } from "@trpc/server";

/** One ticket as staff see it (support.get). */
export type StaffTicket = inferRouterOutputs<AppRouter>["support"]["get"];
