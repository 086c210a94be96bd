import { serviceKeysRouter } from "./api-keys/router.ts";
import { auditRouter } from "./audit/router.ts";
import { authRouter } from "./auth/router.ts";
import { licensesRouter } from "./licenses/router.ts";
import { organizationsRouter } from "./organizations/router.ts";
import { teamRouter } from "./team/router.ts";
import { router } from "./trpc.ts";

export const appRouter = router({
  auth: authRouter,
  organizations: organizationsRouter,
  team: teamRouter,
  licenses: licensesRouter,
  serviceKeys: serviceKeysRouter,
  audit: auditRouter,
});

export type AppRouter = typeof appRouter;
