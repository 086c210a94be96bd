import type { IncomingMessage, ServerResponse } from "node:http";
import type { Profile } from "@node-saml/node-saml";
import { ssoLoginStates } from "@tessera/db/schema";
import { DomainError } from "@tessera/domain";
import { and, eq } from "drizzle-orm";
import { sha256 } from "../auth/tokens.ts";
import type { AppDeps } from "../context.ts";
import { readBody } from "../request-body.ts";
import { isSecure } from "../request-context.ts";
import { assertionFacts, claimAssertion, confirmationExpired, refusalFor } from "./saml-assertion.ts";
import {
  organizationInPath,
  SAML_ACS_PREFIX,
  samlSettings,
  serviceProvider,
  serviceProviderUrls,
} from "./saml-sp.ts";
import { admitSsoUser, finishSsoSignIn } from "./sso-admission.ts";
import { clearedBindingCookie, presentedBindingHash } from "./sso-browser-binding.ts";
import { baseUrl, refuse, safeReturnTo } from "./sso-http.ts";

const MAX_BODY_BYTES = 256 * 1024;

/** The form body, or null once a 413 (or a vanished client) has been dealt with. */
const readForm = async (req: IncomingMessage, res: ServerResponse) => {
  try {
    return new URLSearchParams(await readBody(req, MAX_BODY_BYTES));
  } catch (error) {
    if (!(error instanceof DomainError)) {
      req.destroy();
      return null;
    }
    req.resume();
    res.writeHead(413, { "Content-Type": "text/plain; charset=utf-8", Connection: "close" });
    res.end("SAML response too large");
    return null;
  }
};

/**
 * An SP-initiated response answers a request this browser started (binding cookie), used
 * once; the InResponseTo read is the signed assertion's, so an unsigned wrapper cannot swap it.
 * An IdP-initiated response (none) goes to the default page.
 */
const pendingRequest = async (
  deps: AppDeps,
  req: IncomingMessage,
  organizationId: string,
  requestId: string,
) => {
  const [pending] = await deps.db
    .delete(ssoLoginStates)
    .where(and(eq(ssoLoginStates.stateHash, sha256(requestId)), eq(ssoLoginStates.protocol, "SAML")))
    .returning();
  if (!pending || pending.organizationId !== organizationId || pending.expiresAt <= deps.clock.now())
    return null;
  const presented = presentedBindingHash(req.headers.cookie);
  return presented && presented === pending.browserBindingHash ? pending : null;
};

/** POST /auth/saml/acs/<organizationId>: the IdP's signed answer, checked, then admission. */
export const handleSamlAcs = async (deps: AppDeps, req: IncomingMessage, res: ServerResponse) => {
  const secure = isSecure(req, deps.config.trustedProxies);
  const form = await readForm(req, res);
  if (!form) return;
  res.setHeader("Set-Cookie", clearedBindingCookie(secure, true));
  const organizationId = organizationInPath(
    new URL(req.url ?? "/", "http://localhost").pathname,
    SAML_ACS_PREFIX,
  );
  const samlResponse = form.get("SAMLResponse");
  if (!samlResponse) return refuse(res, "SAML_RESPONSE_MISSING");
  const settings = organizationId ? await samlSettings(deps, organizationId) : null;
  if (!organizationId || !settings) return refuse(res, "SSO_NOT_CONFIGURED");
  const checked = await deps.samlXml.inspect(Buffer.from(samlResponse, "base64").toString("utf8"), false);
  if ("refused" in checked || checked.root.local !== "Response") return refuse(res, "SAML_RESPONSE_INVALID");
  const urls = serviceProviderUrls(baseUrl(deps, req), organizationId);
  if (checked.root.destination !== null && checked.root.destination !== urls.acsUrl)
    return refuse(res, "SAML_AUDIENCE_MISMATCH");
  let profile: Profile | null;
  try {
    ({ profile } = await serviceProvider(settings, urls).validatePostResponseAsync({
      SAMLResponse: samlResponse,
    }));
  } catch (error) {
    return refuse(res, refusalFor(error));
  }
  if (!profile) return refuse(res, "SAML_RESPONSE_INVALID");
  const facts = assertionFacts(profile);
  const now = deps.clock.now();
  if (facts.recipient !== urls.acsUrl) return refuse(res, "SAML_AUDIENCE_MISMATCH");
  if (confirmationExpired(facts.confirmationNotOnOrAfter, now)) return refuse(res, "SAML_EXPIRED");
  if (!facts.id) return refuse(res, "SAML_RESPONSE_INVALID");
  if (facts.inResponseTo !== checked.root.inResponseTo) return refuse(res, "SAML_SIGNATURE_INVALID");
  let returnTo = "/portal";
  if (facts.inResponseTo) {
    const pending = await pendingRequest(deps, req, organizationId, facts.inResponseTo);
    if (!pending) return refuse(res, "SAML_REQUEST_UNKNOWN");
    returnTo = pending.returnTo;
  } else {
    returnTo = safeReturnTo(form.get("RelayState"));
  }
  if (!facts.email) return refuse(res, "SSO_EMAIL_MISSING");
  const admission = await admitSsoUser(deps, organizationId, settings, {
    email: facts.email,
    name: facts.name,
  });
  if ("refused" in admission) return refuse(res, admission.refused);
  // only an accepted assertion is remembered: a refused one leaves nothing behind
  if (!(await claimAssertion(deps, organizationId, { id: facts.id, notOnOrAfter: facts.notOnOrAfter }, now)))
    return refuse(res, "SAML_REPLAYED");
  return finishSsoSignIn(deps, req, res, admission.user, returnTo);
};
