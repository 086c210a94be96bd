import { apiKeysRouter } from "./api-keys/organization-router.ts";
import { serviceKeysRouter } from "./api-keys/router.ts";
import { auditRouter } from "./audit/router.ts";
import { authRouter } from "./auth/router.ts";
import { licensesRouter } from "./licenses/router.ts";
import { mailOutboxRouter } from "./mail/outbox-router.ts";
import { notificationPreferencesRouter } from "./mail/preferences-router.ts";
import { organizationsRouter } from "./organizations/router.ts";
import { datePreferencesRouter } from "./preferences/router.ts";
import { scimTokensRouter } from "./scim/router.ts";
import { macrosRouter } from "./support/macros-router.ts";
import { supportRouter } from "./support/router.ts";
import { satisfactionRouter } from "./support/satisfaction-router.ts";
import { supportSettingsRouter } from "./support/settings-router.ts";
import { teamRouter } from "./team/router.ts";
import { staffTeamRouter } from "./team/staff-router.ts";
import { router } from "./trpc.ts";
import { usageRouter } from "./usage/router.ts";
import { whiteLabelRouter } from "./white-label/router.ts";

export const appRouter = router({
  auth: authRouter,
  organizations: organizationsRouter,
  team: teamRouter,
  staffTeam: staffTeamRouter,
  licenses: licensesRouter,
  serviceKeys: serviceKeysRouter,
  apiKeys: apiKeysRouter,
  scimTokens: scimTokensRouter,
  usage: usageRouter,
  whiteLabel: whiteLabelRouter,
  support: supportRouter,
  supportSettings: supportSettingsRouter,
  macros: macrosRouter,
  satisfaction: satisfactionRouter,
  audit: auditRouter,
  mail: mailOutboxRouter,
  notifications: notificationPreferencesRouter,
  datePreferences: datePreferencesRouter,
});

export type AppRouter = typeof appRouter;
