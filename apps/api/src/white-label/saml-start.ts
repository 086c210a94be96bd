import { randomBytes } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import { sha256 } from "../auth/tokens.ts";
import type { AppDeps } from "../context.ts";
import { isSecure } from "../request-context.ts";
import { samlSettings, serviceProvider, serviceProviderUrls } from "./saml-sp.ts";
import { bindingCookie, browserBinding } from "./sso-browser-binding.ts";
import { baseUrl, redirect, refuse, safeReturnTo } from "./sso-http.ts";
import { storeLoginStateWithinCap } from "./sso-start-guard.ts";

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
  organizationId: string,
  url: URL,
) => {
  const settings = await samlSettings(deps, organizationId);
  if (!settings) return refuse(res, "SSO_NOT_CONFIGURED");
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
      expiresAt: new Date(now.getTime() + REQUEST_TTL_MS),
      createdAt: now,
    },
    deps.config.SSO_PENDING_MAX_PER_ORGANIZATION,
    now,
  );
  if (!stored) return refuse(res, "SSO_TOO_MANY_PENDING");
  const location = await serviceProvider(settings, urls, requestId).getAuthorizeUrlAsync(
    returnTo,
    undefined,
    {},
  );
  const secure = isSecure(req, deps.config.trustedProxies);
  return redirect(res, location, bindingCookie(binding, REQUEST_TTL_MS / 1000, secure, true));
};
