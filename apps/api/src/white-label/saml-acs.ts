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
import { concludeSso } from "./sso-test-run.ts";

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

/**
 * The connection test a response answers, if any: peeked (not consumed) by the unverified
 * InResponseTo, only to route refusals into that test's report, and only in the browser
 * that started it. The verified InResponseTo still decides everything else.
 */
const testOfResponse = async (
  deps: AppDeps,
  req: IncomingMessage,
  organizationId: string,
  inResponseTo: string | null,
) => {
  if (!inResponseTo) return null;
  const [pending] = await deps.db
    .select()
    .from(ssoLoginStates)
    .where(and(eq(ssoLoginStates.stateHash, sha256(inResponseTo)), eq(ssoLoginStates.protocol, "SAML")));
  const presented = presentedBindingHash(req.headers.cookie);
  if (!pending?.connectionTestId || pending.organizationId !== organizationId) return null;
  if (!presented || presented !== pending.browserBindingHash) return null;
  return { testId: pending.connectionTestId, organizationId };
};

type Checked = Extract<Awaited<ReturnType<AppDeps["samlXml"]["inspect"]>>, { root: unknown }>;

/** node-saml's checks (signature, audience, time), then ours: recipient, expiry, request. */
const verifyResponse = async (
  deps: AppDeps,
  req: IncomingMessage,
  organizationId: string,
  message: { samlResponse: string; relayState: string | null; checked: Checked },
  settings: NonNullable<Awaited<ReturnType<typeof samlSettings>>>,
): Promise<
  { refused: string } | { facts: ReturnType<typeof assertionFacts> & { id: string }; returnTo: string }
> => {
  const urls = serviceProviderUrls(baseUrl(deps, req), organizationId);
  const root = message.checked.root;
  if (root.destination !== null && root.destination !== urls.acsUrl)
    return { refused: "SAML_AUDIENCE_MISMATCH" };
  let profile: Profile | null;
  try {
    ({ profile } = await (await serviceProvider(settings, urls)).validatePostResponseAsync({
      SAMLResponse: message.samlResponse,
    }));
  } catch (error) {
    return { refused: refusalFor(error) };
  }
  if (!profile) return { refused: "SAML_RESPONSE_INVALID" };
  const facts = assertionFacts(profile);
  if (facts.recipient !== urls.acsUrl) return { refused: "SAML_AUDIENCE_MISMATCH" };
  if (confirmationExpired(facts.confirmationNotOnOrAfter, deps.clock.now()))
    return { refused: "SAML_EXPIRED" };
  const { id } = facts;
  if (!id) return { refused: "SAML_RESPONSE_INVALID" };
  if (facts.inResponseTo !== root.inResponseTo) return { refused: "SAML_SIGNATURE_INVALID" };
  if (!facts.inResponseTo) return { facts: { ...facts, id }, returnTo: safeReturnTo(message.relayState) };
  const pending = await pendingRequest(deps, req, organizationId, facts.inResponseTo);
  if (!pending) return { refused: "SAML_REQUEST_UNKNOWN" };
  return { facts: { ...facts, id }, returnTo: pending.returnTo };
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
  const test = await testOfResponse(deps, req, organizationId, checked.root.inResponseTo);
  const conclusion = concludeSso(deps, res, test);
  const message = { samlResponse, relayState: form.get("RelayState"), checked };
  const verified = await verifyResponse(deps, req, organizationId, message, settings);
  if ("refused" in verified) return conclusion.refuse(verified.refused);
  const { facts } = verified;
  if (!facts.email) return conclusion.refuse("SSO_EMAIL_MISSING");
  await conclusion.passedStep(
    { step: "RESPONSE", ok: true, detail: `Signed assertion verified: the IdP vouches for ${facts.email}` },
    facts.email,
  );
  const asserted = { email: facts.email, name: facts.name };
  const admission = await admitSsoUser(deps, organizationId, settings, asserted, conclusion.testing);
  if ("refused" in admission) return conclusion.refuse(admission.refused, "USER_MATCH");
  // only an accepted assertion is remembered: a refused one leaves nothing behind
  const assertion = { id: facts.id, notOnOrAfter: facts.notOnOrAfter };
  if (!(await claimAssertion(deps, organizationId, assertion, deps.clock.now())))
    return conclusion.refuse("SAML_REPLAYED");
  if (conclusion.testing)
    return conclusion.finishTest({ step: "USER_MATCH", ok: true, detail: admission.match });
  if (!admission.user) return refuse(res, "SSO_UNKNOWN_USER");
  return finishSsoSignIn(deps, req, res, admission.user, verified.returnTo);
};
