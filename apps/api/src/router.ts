import { auditRouter } from "./audit/router.ts";
import { authRouter } from "./auth/router.ts";
import { organizationsRouter } from "./organizations/router.ts";
import { teamRouter } from "./team/router.ts";
import { router } from "./trpc.ts";

export const appRouter = router({
  auth: authRouter,
  organizations: organizationsRouter,
  team: teamRouter,
  audit: auditRouter,
});

export type AppRouter = typeof appRouter;
