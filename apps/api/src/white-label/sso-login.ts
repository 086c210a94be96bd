import type { IncomingMessage, ServerResponse } from "node:http";
import { customizations, ssoDomains, ssoLoginStates } from "@tessera/db/schema";
import {
  customizationGate,
  DomainError,
  emailDomainOf,
  SINGLETON_KEY,
  type SsoDiscoverInput,
} from "@tessera/domain";
import { and, eq, sql } from "drizzle-orm";
import type * as oidc from "openid-client";
import type { z } from "zod";
import { sha256 } from "../auth/tokens.ts";
import type { AppDeps, ServiceContext } from "../context.ts";
import { currentEntitlements } from "../licenses/entitlements.ts";
import { clientIp, isSecure } from "../request-context.ts";
import { startSamlSignIn } from "./saml-start.ts";
import { admitSsoUser, finishSsoSignIn } from "./sso-admission.ts";
import {
  bindingCookie,
  browserBinding,
  clearedBindingCookie,
  presentedBindingHash,
} from "./sso-browser-binding.ts";
import { baseUrl, redirect, refuse, safeReturnTo } from "./sso-http.ts";
import { SSO_CALLBACK_PATH, SSO_START_PATH } from "./sso-paths.ts";
import { providerConfiguration } from "./sso-provider.ts";
import { storeLoginStateWithinCap } from "./sso-start-guard.ts";
import { concludeSso, testOfStart } from "./sso-test-run.ts";
import { findCustomization } from "./store.ts";
import { storedValue } from "./stored-value.ts";

const STATE_TTL_MS = 10 * 60_000;

/**
 * Which organisation signs this email in through SSO: the one that lists the email's domain
 * in its SSO configuration (OIDC or SAML) and has proven it by DNS (one verified owner per domain, so at
 * most one). Answers only whether SSO applies, never whether the person exists.
 */
export const discoverSso = async (ctx: ServiceContext, input: z.output<typeof SsoDiscoverInput>) => {
  const domain = emailDomainOf(input.email);
  const rows = await ctx.db
    .select({ organizationId: customizations.organizationId, value: customizations.value })
    .from(customizations)
    .innerJoin(
      ssoDomains,
      and(
        eq(ssoDomains.organizationId, customizations.organizationId),
        eq(ssoDomains.domain, domain),
        eq(ssoDomains.status, "VERIFIED"),
      ),
    )
    .where(and(eq(customizations.type, "SSO"), sql`${customizations.value}->'allowedDomains' ? ${domain}`))
    .limit(2);
  const match = rows[0];
  if (rows.length !== 1 || !match) {
    throw new DomainError("NOT_FOUND", "Single sign-on is not set up for this email's domain", {
      field: "email",
    });
  }
  const entitlements = await currentEntitlements(ctx.db, match.organizationId, ctx.clock.now());
  if (!customizationGate(entitlements, "SSO").allowed) {
    throw new DomainError("NOT_FOUND", "Single sign-on is not set up for this email's domain", {
      field: "email",
    });
  }
  return {
    startUrl: `${SSO_START_PATH}?organization=${encodeURIComponent(match.organizationId)}&login_hint=${encodeURIComponent(input.email)}`,
  };
};

/** An organisation's usable OIDC settings and secret, or why not. */
const oidcSettings = async (deps: Pick<AppDeps, "db" | "secrets" | "clock">, organizationId: string) => {
  const row = await findCustomization(deps.db, organizationId, "SSO", SINGLETON_KEY);
  const settings = row ? storedValue("SSO", row.value) : null;
  if (settings?.protocol !== "OIDC" || !row?.secretCiphertext) return null;
  const entitlements = await currentEntitlements(deps.db, organizationId, deps.clock.now());
  if (!customizationGate(entitlements, "SSO").allowed) return null;
  return {
    settings,
    clientSecret: deps.secrets.open(row.secretCiphertext),
  };
};

type Conclusion = ReturnType<typeof concludeSso>;

/** The OIDC half of /auth/sso/start: discovery, a login state kept server-side, the redirect. */
const startOidcSignIn = async (
  deps: AppDeps,
  req: IncomingMessage,
  res: ServerResponse,
  start: { organizationId: string; url: URL; testId: string | null; conclusion: Conclusion },
  found: NonNullable<Awaited<ReturnType<typeof oidcSettings>>>,
) => {
  const { organizationId, url, conclusion } = start;
  let config: oidc.Configuration;
  try {
    config = await providerConfiguration(deps, found.settings, found.clientSecret);
  } catch {
    return conclusion.refuse("SSO_PROVIDER_UNREACHABLE", "CONFIGURATION");
  }
  const client = await import("openid-client");
  const state = client.randomState();
  const nonce = client.randomNonce();
  const verifier = client.randomPKCECodeVerifier();
  const binding = browserBinding(req.headers.cookie);
  const redirectUri = `${baseUrl(deps, req)}${SSO_CALLBACK_PATH}`;
  const now = deps.clock.now();
  const stored = await storeLoginStateWithinCap(
    deps.db,
    {
      stateHash: sha256(state),
      organizationId,
      codeVerifierCiphertext: deps.secrets.seal(verifier),
      nonce,
      redirectUri,
      returnTo: safeReturnTo(url.searchParams.get("returnTo")),
      browserBindingHash: sha256(binding),
      connectionTestId: start.testId,
      expiresAt: new Date(now.getTime() + STATE_TTL_MS),
      createdAt: now,
    },
    deps.config.SSO_PENDING_MAX_PER_ORGANIZATION,
    now,
  );
  if (!stored) return conclusion.refuse("SSO_TOO_MANY_PENDING", "REDIRECT");
  const loginHint = url.searchParams.get("login_hint");
  const authorizationUrl = client.buildAuthorizationUrl(config, {
    redirect_uri: redirectUri,
    scope: "openid email profile",
    state,
    nonce,
    code_challenge: await client.calculatePKCECodeChallenge(verifier),
    code_challenge_method: "S256",
    ...(loginHint ? { login_hint: loginHint } : {}),
  });
  await conclusion.passedStep({
    step: "CONFIGURATION",
    ok: true,
    detail: `Discovery document of ${found.settings.issuer} read`,
  });
  await conclusion.passedStep({ step: "REDIRECT", ok: true, detail: `Sent to ${authorizationUrl.origin}` });
  const secure = isSecure(req, deps.config.trustedProxies);
  return redirect(res, authorizationUrl.href, bindingCookie(binding, STATE_TTL_MS / 1000, secure));
};

/**
 * GET /auth/sso/start?organization=<id>[&test=<id>]: OIDC (authorization code flow with PKCE
 * (S256), state and nonce kept server-side for ten minutes, used once) or SAML, bound to this
 * browser by a cookie. Anonymous, so it is rate-limited per IP and per organisation, and an
 * organisation's unfinished sign-ins are capped. With `test`, the admin's connection test.
 */
export const handleSsoStart = async (deps: AppDeps, req: IncomingMessage, res: ServerResponse) => {
  const url = new URL(req.url ?? "/", "http://localhost");
  const organizationId = url.searchParams.get("organization") ?? "";
  if (!/^[0-9a-f-]{36}$/.test(organizationId)) return refuse(res, "SSO_NOT_CONFIGURED");
  const waitSeconds = await deps.ssoStartLimiter.admit(
    clientIp(req, deps.config.trustedProxies),
    organizationId,
  );
  if (waitSeconds !== null) return refuse(res, "SSO_RATE_LIMITED", { "Retry-After": String(waitSeconds) });
  const test = await testOfStart(deps, req, url, organizationId);
  if (test && "invalid" in test) return refuse(res, "SSO_TEST_INVALID");
  const testId = test?.testId ?? null;
  const conclusion = concludeSso(deps, res, testId ? { testId, organizationId } : null);
  const start = { organizationId, url, testId, conclusion };
  const found = await oidcSettings(deps, organizationId);
  if (!found) return startSamlSignIn(deps, req, res, start);
  return startOidcSignIn(deps, req, res, start, found);
};

/**
 * Exchange the code (PKCE verifier, state and nonce checked by openid-client) for who the
 * provider vouches for, or the refusal code.
 */
const exchangeCode = async (
  deps: AppDeps,
  found: NonNullable<Awaited<ReturnType<typeof oidcSettings>>>,
  pending: { redirectUri: string; codeVerifierCiphertext: string | null; nonce: string | null },
  url: URL,
  state: string,
): Promise<{ email: string; name: string | undefined } | { refused: string }> => {
  if (!pending.codeVerifierCiphertext || !pending.nonce) return { refused: "SSO_STATE_INVALID" };
  try {
    const config = await providerConfiguration(deps, found.settings, found.clientSecret);
    const client = await import("openid-client");
    const tokens = await client.authorizationCodeGrant(
      config,
      new URL(`${pending.redirectUri}${url.search}`),
      {
        pkceCodeVerifier: deps.secrets.open(pending.codeVerifierCiphertext),
        expectedState: state,
        expectedNonce: pending.nonce,
        idTokenExpected: true,
      },
    );
    const claims = tokens.claims();
    if (!claims) return { refused: "SSO_EXCHANGE_FAILED" };
    // Many providers keep the ID token minimal and serve email from userinfo (OIDC Core §5.4).
    const profile =
      typeof claims.email === "string"
        ? claims
        : await client.fetchUserInfo(config, tokens.access_token, claims.sub);
    if (typeof profile.email !== "string" || profile.email_verified === false) {
      return { refused: "SSO_EMAIL_MISSING" };
    }
    return {
      email: profile.email.toLowerCase(),
      name: typeof profile.name === "string" ? profile.name : undefined,
    };
  } catch {
    return { refused: "SSO_EXCHANGE_FAILED" };
  }
};

/**
 * GET /auth/sso/callback: only in the browser that started (binding cookie), exchange the code (PKCE verifier, state and nonce checked by
 * openid-client), then admit the person only if the email's domain is allowed and they are
 * an active user of that organisation.
 */
export const handleSsoCallback = async (deps: AppDeps, req: IncomingMessage, res: ServerResponse) => {
  const url = new URL(req.url ?? "/", "http://localhost");
  // the binding is single-use like the state: whatever the outcome, the browser drops it
  res.setHeader("Set-Cookie", clearedBindingCookie(isSecure(req, deps.config.trustedProxies)));
  const state = url.searchParams.get("state");
  if (!state) return refuse(res, "SSO_STATE_INVALID");
  const now = deps.clock.now();
  const [pending] = await deps.db
    .delete(ssoLoginStates)
    .where(eq(ssoLoginStates.stateHash, sha256(state)))
    .returning();
  if (!pending || pending.expiresAt <= now) return refuse(res, "SSO_STATE_INVALID");
  // a state started in another browser (a login-CSRF link) is spent, never used here
  const presented = presentedBindingHash(req.headers.cookie);
  if (!presented || presented !== pending.browserBindingHash) return refuse(res, "SSO_BROWSER_MISMATCH");
  if (pending.protocol !== "OIDC") return refuse(res, "SSO_STATE_INVALID");
  const conclusion = concludeSso(
    deps,
    res,
    pending.connectionTestId
      ? { testId: pending.connectionTestId, organizationId: pending.organizationId }
      : null,
  );
  if (url.searchParams.get("error")) return conclusion.refuse("SSO_DENIED_BY_PROVIDER");
  const found = await oidcSettings(deps, pending.organizationId);
  if (!found) return conclusion.refuse("SSO_NOT_CONFIGURED");
  const asserted = await exchangeCode(deps, found, pending, url, state);
  if ("refused" in asserted) return conclusion.refuse(asserted.refused);
  await conclusion.passedStep(
    { step: "RESPONSE", ok: true, detail: `ID token verified: the provider vouches for ${asserted.email}` },
    asserted.email,
  );
  const admission = await admitSsoUser(
    deps,
    pending.organizationId,
    found.settings,
    asserted,
    conclusion.testing,
  );
  if ("refused" in admission) return conclusion.refuse(admission.refused, "USER_MATCH");
  if (conclusion.testing)
    return conclusion.finishTest({ step: "USER_MATCH", ok: true, detail: admission.match });
  if (!admission.user) return refuse(res, "SSO_UNKNOWN_USER");
  return finishSsoSignIn(deps, req, res, admission.user, pending.returnTo);
};
