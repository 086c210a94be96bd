import type { IncomingMessage, ServerResponse } from "node:http";
import { customizationGate, type SamlSettingsValue, SINGLETON_KEY } from "@tessera/domain";
import type { AppDeps } from "../context.ts";
import { currentEntitlements } from "../licenses/entitlements.ts";
import { baseUrl } from "./sso-http.ts";
import { findCustomization } from "./store.ts";
import { storedValue } from "./stored-value.ts";

export const SAML_METADATA_PREFIX = "/auth/saml/metadata/";
export const SAML_ACS_PREFIX = "/auth/saml/acs/";
const ORGANIZATION_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** The organisation id at the end of a SAML route, or null. */
export const organizationInPath = (pathname: string, prefix: string): string | null => {
  const id = pathname.slice(prefix.length);
  return ORGANIZATION_ID.test(id) ? id : null;
};

/** Our service provider's addresses for one organisation (entity id = metadata URL). */
export const serviceProviderUrls = (base: string, organizationId: string) => ({
  entityId: `${base}${SAML_METADATA_PREFIX}${organizationId}`,
  metadataUrl: `${base}${SAML_METADATA_PREFIX}${organizationId}`,
  acsUrl: `${base}${SAML_ACS_PREFIX}${organizationId}`,
});

/** An organisation's SAML settings when its license includes SSO, else null. */
export const samlSettings = async (
  deps: Pick<AppDeps, "db" | "clock">,
  organizationId: string,
): Promise<SamlSettingsValue | null> => {
  const row = await findCustomization(deps.db, organizationId, "SSO", SINGLETON_KEY);
  const settings = row ? storedValue("SSO", row.value) : null;
  if (settings?.protocol !== "SAML") return null;
  const entitlements = await currentEntitlements(deps.db, organizationId, deps.clock.now());
  return customizationGate(entitlements, "SSO").allowed ? settings : null;
};

/**
 * node-saml for one organisation. Assertions must be signed (a signed response around an
 * unsigned assertion is not enough; an unsigned response around a signed assertion is fine,
 * as most IdPs send). InResponseTo is checked against sso_login_states by the caller, not
 * node-saml's in-process cache, so any instance can receive the response. node-saml and its XML
 * stack load on the first SAML request, not at every start.
 */
export const serviceProvider = async (
  settings: SamlSettingsValue,
  urls: ReturnType<typeof serviceProviderUrls>,
  requestId?: string,
) => {
  const { SAML, ValidateInResponseTo } = await import("@node-saml/node-saml");
  return new SAML({
    callbackUrl: urls.acsUrl,
    issuer: urls.entityId,
    audience: urls.entityId,
    entryPoint: settings.ssoUrl,
    idpCert: settings.certificate,
    idpIssuer: settings.entityId,
    wantAssertionsSigned: true,
    wantAuthnResponseSigned: false,
    acceptedClockSkewMs: 60_000,
    validateInResponseTo: ValidateInResponseTo.never,
    identifierFormat: "urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress",
    disableRequestedAuthnContext: true,
    ...(requestId ? { generateUniqueId: () => requestId } : {}),
  });
};

/** GET /auth/saml/metadata/<organizationId>: our SP metadata for the organisation's IdP admin. */
export const handleSamlMetadata = async (deps: AppDeps, req: IncomingMessage, res: ServerResponse) => {
  const organizationId = organizationInPath(
    new URL(req.url ?? "/", "http://localhost").pathname,
    SAML_METADATA_PREFIX,
  );
  const settings = organizationId ? await samlSettings(deps, organizationId) : null;
  if (!organizationId || !settings) {
    res.writeHead(404, { "Content-Type": "text/plain; charset=utf-8" });
    return res.end("Not found");
  }
  const urls = serviceProviderUrls(baseUrl(deps, req), organizationId);
  const xml = (await serviceProvider(settings, urls)).generateServiceProviderMetadata(null);
  res.writeHead(200, {
    "Content-Type": "application/samlmetadata+xml; charset=utf-8",
    "Cache-Control": "no-store",
  });
  res.end(xml);
};

/**
 * whiteLabel.samlServiceProvider: the addresses to register at the IdP, on the host the admin
 * is using (or PUBLIC_URL). Answered before SAML is saved too; the metadata URL serves once it is.
 */
export const samlServiceProviderFor = (
  ctx: Pick<AppDeps, "config"> & { request: { secure: boolean; host?: string | null | undefined } },
  organizationId: string,
) => {
  const base =
    ctx.config.PUBLIC_URL?.replace(/\/$/, "") ??
    `${ctx.request.secure ? "https" : "http"}://${ctx.request.host ?? `${ctx.config.HOST}:${ctx.config.PORT}`}`;
  const { entityId, acsUrl, metadataUrl } = serviceProviderUrls(base, organizationId);
  return { entityId, acsUrl, metadataUrl };
};
