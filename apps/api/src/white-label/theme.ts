import { DEFAULT_BRANDING, SINGLETON_KEY } from "@tessera/domain";
import type { Actor, AppDeps, ServiceContext } from "../context.ts";
import { getBranding, presentBranding } from "./branding.ts";
import { organizationForHost } from "./custom-domain-host.ts";
import { SSO_START_PATH } from "./sso-paths.ts";
import { ssoEnforced } from "./sso-policy.ts";
import { findCustomization } from "./store.ts";

/**
 * The look of the page being served: a signed-in customer sees their organisation's
 * branding; anyone arriving on a verified custom domain sees that organisation's (the sign-in
 * page included, with its SSO button); everyone else sees Tessera's.
 */
export const getTheme = async (
  deps: Pick<AppDeps, "db" | "clock" | "config">,
  request: { actor: Actor | null; host: string | null },
) => {
  const ctx: ServiceContext = { db: deps.db, clock: deps.clock, actor: request.actor, ip: null };
  const signedInOrganization = request.actor?.kind === "CUSTOMER" ? request.actor.organizationId : null;
  // Staff work in Tessera's console (on a customer's domain their session does not count).
  const domainOrganization =
    request.actor?.kind === "STAFF" ? null : await organizationForHost(deps, request.host);
  const organizationId = signedInOrganization ?? domainOrganization;
  if (!organizationId) {
    return {
      source: "DEFAULT" as const,
      organizationId: null,
      branding: presentBranding(DEFAULT_BRANDING),
      sso: null,
    };
  }
  const branding = await getBranding(ctx, organizationId);
  let sso: { startUrl: string; enforced: boolean } | null = null;
  if (!signedInOrganization) {
    const record = await findCustomization(deps.db, organizationId, "SSO", SINGLETON_KEY);
    // OIDC or SAML alike: /auth/sso/start dispatches on the stored protocol
    if (record) {
      sso = {
        startUrl: `${SSO_START_PATH}?organization=${organizationId}`,
        enforced: await ssoEnforced(deps.db, organizationId, deps.clock.now()),
      };
    }
  }
  return {
    source: signedInOrganization ? ("ORGANIZATION" as const) : ("DOMAIN" as const),
    organizationId,
    branding: branding.effective,
    sso,
  };
};
