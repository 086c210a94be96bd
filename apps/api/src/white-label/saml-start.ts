import { randomBytes } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import { sha256 } from "../auth/tokens.ts";
import type { AppDeps } from "../context.ts";
import { isSecure } from "../request-context.ts";
import { samlSettings, serviceProvider, serviceProviderUrls } from "./saml-sp.ts";
import { bindingCookie, browserBinding } from "./sso-browser-binding.ts";
import { baseUrl, redirect, safeReturnTo } from "./sso-http.ts";
import { storeLoginStateWithinCap } from "./sso-start-guard.ts";
import type { SsoConclusion } from "./sso-test-run.ts";

const REQUEST_TTL_MS = 10 * 60_000;

/**
 * /auth/sso/start for a SAML organisation (the caller has rate-limited it): an AuthnRequest
 * over HTTP-Redirect, its ID kept (hashed) ten minutes in sso_login_states and bound to this
 * browser like an OIDC state. RelayState carries only the path to return to.
 */
export const startSamlSignIn = async (
  deps: AppDeps,
  req: IncomingMessage,
  res: ServerResponse,
  start: { organizationId: string; url: URL; testId: string | null; conclusion: SsoConclusion },
) => {
  const { organizationId, url, conclusion } = start;
  const settings = await samlSettings(deps, organizationId);
  if (!settings) return conclusion.refuse("SSO_NOT_CONFIGURED", "CONFIGURATION");
  const urls = serviceProviderUrls(baseUrl(deps, req), organizationId);
  // an XML ID must not start with a digit
  const requestId = `_${randomBytes(20).toString("hex")}`;
  const binding = browserBinding(req.headers.cookie);
  const returnTo = safeReturnTo(url.searchParams.get("returnTo"));
  const now = deps.clock.now();
  const stored = await storeLoginStateWithinCap(
    deps.db,
    {
      stateHash: sha256(requestId),
      organizationId,
      protocol: "SAML",
      redirectUri: urls.acsUrl,
      returnTo,
      browserBindingHash: sha256(binding),
      connectionTestId: start.testId,
      expiresAt: new Date(now.getTime() + REQUEST_TTL_MS),
      createdAt: now,
    },
    deps.config.SSO_PENDING_MAX_PER_ORGANIZATION,
    now,
  );
  if (!stored) return conclusion.refuse("SSO_TOO_MANY_PENDING", "REDIRECT");
  const location = await (await serviceProvider(settings, urls, requestId)).getAuthorizeUrlAsync(
    returnTo,
    undefined,
    {},
  );
  await conclusion.passedStep({
    step: "CONFIGURATION",
    ok: true,
    detail: `IdP ${settings.entityId}; its signing certificate is valid until ${settings.certificateExpiresAt}`,
  });
  await conclusion.passedStep({ step: "REDIRECT", ok: true, detail: `Sent to ${new URL(location).origin}` });
  const secure = isSecure(req, deps.config.trustedProxies);
  return redirect(res, location, bindingCookie(binding, REQUEST_TTL_MS / 1000, secure, true));
};
