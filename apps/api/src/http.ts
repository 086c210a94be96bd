import { randomUUID } from "node:crypto";
import { createReadStream } from "node:fs";
import { stat } from "node:fs/promises";
import type { IncomingMessage, ServerResponse } from "node:http";
import { extname, join, normalize, sep } from "node:path";
import { isConnectionError } from "@tessera/db";
import { DomainError } from "@tessera/domain";
import type { AppDeps } from "./context.ts";
import { databaseUnavailable } from "./errors.ts";
import { writeJson } from "./json-response.ts";
import { publishedKeys } from "./licenses/signing-keys.ts";
import { UNSUBSCRIBE_PATH } from "./mail/delivery.ts";
import { handleMailLink, MAIL_LINK_PATHS } from "./mail/link-pages.ts";
import { SATISFACTION_PATH } from "./mail/satisfaction-path.ts";
import { withoutRedaction } from "./observability/logger.ts";
import { serveMetrics } from "./observability/metrics-route.ts";
import { readiness } from "./readiness.ts";
import { admitRequestBody, MAX_BODY_BYTES } from "./request-body.ts";
import { isSecure, REQUEST_IDS } from "./request-context.ts";
import { pathProblem } from "./request-path.ts";
import { toRestFailure } from "./rest/envelope.ts";
import { createRestHandler, REST_BASE } from "./rest/handler.ts";
import { REST_OPERATIONS } from "./rest/operations/index.ts";
import { appRouter } from "./router.ts";
import { createScimHandler } from "./scim/http-handler.ts";
import { SCIM_BASE } from "./scim/protocol.ts";
import { createAttachmentsHandler, isAttachmentsPath } from "./support/attachments-http.ts";
import { ATTACHMENTS_ROUTE } from "./support/attachments-thread.ts";
import { createTrpcHandler } from "./trpc-http/handler.ts";
import { LOGO_ROUTE, serveLogo } from "./white-label/logos.ts";
import { handleSamlAcs } from "./white-label/saml-acs.ts";
import { handleSamlMetadata, SAML_ACS_PREFIX, SAML_METADATA_PREFIX } from "./white-label/saml-sp.ts";
import { handleSsoCallback, handleSsoStart } from "./white-label/sso-login.ts";
import { SSO_CALLBACK_PATH, SSO_START_PATH } from "./white-label/sso-paths.ts";
import { handleTlsAsk, TLS_ASK_PATH } from "./white-label/tls-ask.ts";

const CONTENT_TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".ico": "image/x-icon",
  ".json": "application/json",
  ".woff2": "font/woff2",
};

const SECURITY_HEADERS: [string, string][] = Object.entries({
  "X-Content-Type-Options": "nosniff",
  "Referrer-Policy": "strict-origin-when-cross-origin",
  "X-Frame-Options": "DENY",
  "Content-Security-Policy":
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' https: data:; connect-src 'self'; frame-ancestors 'none'; base-uri 'self'; form-action 'self'",
});

/**
 * Cookie-authenticated mutations must come from our own origin: a cross-site POST (which
 * SameSite=Lax already keeps the cookie from) is refused outright when it names an Origin.
 */
const crossSiteMutation = (req: IncomingMessage): boolean => {
  if (req.method === "GET" || req.method === "HEAD" || req.method === "OPTIONS") return false;
  const origin = req.headers.origin;
  if (!origin) return false;
  try {
    return new URL(origin).host !== req.headers.host;
  } catch {
    return true;
  }
};

/** An incoming X-Request-Id we keep (a proxy's), else a new one. */
const requestIdOf = (req: IncomingMessage): string => {
  const given = req.headers["x-request-id"];
  return typeof given === "string" && /^[\w.:-]{8,128}$/.test(given) ? given : randomUUID();
};

/** A route label of bounded cardinality for HTTP metrics: ids and procedure lists collapse. */
const routeOf = (pathname: string): string => {
  if (pathname.startsWith("/trpc/")) return "/trpc";
  if (pathname.startsWith(`${REST_BASE}/`)) return REST_BASE;
  if (pathname.startsWith(`${SCIM_BASE}/`)) return SCIM_BASE;
  if (pathname.startsWith(LOGO_ROUTE)) return `${LOGO_ROUTE}:id`;
  if (isAttachmentsPath(pathname)) return ATTACHMENTS_ROUTE;
  if (pathname.startsWith(SAML_METADATA_PREFIX)) return `${SAML_METADATA_PREFIX}:organizationId`;
  if (pathname.startsWith(SAML_ACS_PREFIX)) return `${SAML_ACS_PREFIX}:organizationId`;
  if (KNOWN_PATHS.has(pathname)) return pathname;
  return "static";
};
const KNOWN_PATHS = new Set([
  "/healthz",
  "/readyz",
  "/metrics",
  "/.well-known/jwks.json",
  SSO_START_PATH,
  SSO_CALLBACK_PATH,
  UNSUBSCRIBE_PATH,
  TLS_ASK_PATH,
  SATISFACTION_PATH,
]);

/** The built SPA: assets cached for good, any other unknown path answered with index.html. */
const serveStatic = async (
  webDist: string | undefined,
  req: IncomingMessage,
  res: ServerResponse,
  pathname: string,
) => {
  if (!webDist || (req.method !== "GET" && req.method !== "HEAD")) {
    return writeJson(res, 404, { error: { code: "NOT_FOUND", message: "Not found" } });
  }
  const root = normalize(webDist);
  let file = normalize(join(root, decodeURIComponent(pathname)));
  if (!file.startsWith(root + sep) && file !== root)
    return writeJson(res, 404, { error: { code: "NOT_FOUND" } });
  const found = await stat(file).catch(() => null);
  const isAsset = pathname.startsWith("/assets/");
  if (!found?.isFile()) {
    if (isAsset || extname(pathname))
      return writeJson(res, 404, { error: { code: "NOT_FOUND", message: "Not found" } });
    file = join(root, "index.html"); // the SPA routes everything else itself
  }
  res.writeHead(200, {
    "Content-Type": CONTENT_TYPES[extname(file)] ?? "application/octet-stream",
    "Cache-Control": isAsset ? "public, max-age=31536000, immutable" : "no-cache",
  });
  if (req.method === "HEAD") return res.end();
  createReadStream(file).pipe(res);
};

/** The duration series of each route, bound once (routes are a handful). */
const routeTimers = (deps: AppDeps) => {
  const timers = new Map<string, (seconds: number) => void>();
  return (route: string) => {
    let timer = timers.get(route);
    if (!timer) {
      const series = deps.metrics.httpDuration.labels({ route });
      timer = (seconds) => series.observe(seconds);
      timers.set(route, timer);
    }
    return timer;
  };
};

/** Count, time and log the request once it is answered. */
const requestObserver = (deps: AppDeps) => {
  const timerOf = routeTimers(deps);
  // The request line holds only fields built here, none of them secret: no redaction pass.
  const requestLog = withoutRedaction(deps.logger);
  return (req: IncomingMessage, res: ServerResponse, request: { requestId: string; pathname: string }) => {
    const started = performance.now();
    const route = routeOf(request.pathname);
    res.once("finish", () => {
      const seconds = (performance.now() - started) / 1000;
      deps.metrics.httpRequests.inc({ route, method: req.method ?? "GET", status: String(res.statusCode) });
      timerOf(route)(seconds);
      // The path only: query strings carry tRPC inputs and SSO codes.
      requestLog.info(
        {
          requestId: request.requestId,
          method: req.method,
          path: request.pathname,
          status: res.statusCode,
          durationMs: Math.round(seconds * 1000),
        },
        "request",
      );
    });
  };
};

/** A lost database is a 503 to retry; anything else a 500 that shows no internals. */
const answerFailure = (
  deps: AppDeps,
  res: ServerResponse,
  request: { requestId: string; pathname: string },
  error: unknown,
) => {
  if (isConnectionError(error)) {
    deps.logger.warn(
      { requestId: request.requestId, path: request.pathname, err: error },
      "database unavailable",
    );
    const unavailable = databaseUnavailable();
    res.setHeader("Retry-After", String(unavailable.details.retryAfterSeconds));
    if (!res.headersSent)
      writeJson(res, 503, { error: { code: unavailable.code, message: unavailable.message } });
    else res.end();
    return;
  }
  deps.logger.error({ requestId: request.requestId, path: request.pathname, err: error }, "request failed");
  if (!res.headersSent) writeJson(res, 500, { error: { code: "INTERNAL", message: "Internal error" } });
  else res.end();
};

export const createRequestHandler = (deps: AppDeps, options: { webDist?: string | undefined } = {}) => {
  const trpcHandler = createTrpcHandler(deps, appRouter);
  const restHandler = createRestHandler(deps);
  const scimHandler = createScimHandler(deps);
  const attachmentsHandler = createAttachmentsHandler(deps);
  const observeRequest = requestObserver(deps);

  return async (req: IncomingMessage, res: ServerResponse) => {
    for (const [name, value] of SECURITY_HEADERS) res.setHeader(name, value);
    // Browsers honour HSTS only over TLS; plain-http development must not pin itself to https.
    if (isSecure(req, deps.config.trustedProxies)) {
      res.setHeader("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
    }
    const url = new URL(req.url ?? "/", "http://localhost");
    const { pathname } = url;
    const requestId = requestIdOf(req);
    REQUEST_IDS.set(req, requestId);
    res.setHeader("X-Request-Id", requestId);
    observeRequest(req, res, { requestId, pathname });
    try {
      const problem = pathProblem(req.url ?? "/");
      if (problem) {
        const refused =
          problem === "MALFORMED"
            ? new DomainError("BAD_REQUEST", "path: malformed percent-encoding", { field: "path" })
            : new DomainError("NOT_FOUND", "Not found");
        const rest = pathname.startsWith(`${REST_BASE}/`);
        const body = rest
          ? toRestFailure(refused, requestId).body
          : { error: { code: refused.code, message: refused.message, ...refused.details } };
        return writeJson(res, refused.status, body);
      }
      if (pathname === "/healthz") return writeJson(res, 200, { status: "ok" });
      if (pathname === "/metrics" && req.method === "GET") return await serveMetrics(deps, req, res);
      if (pathname === "/.well-known/jwks.json") {
        res.setHeader("Cache-Control", "public, max-age=300");
        return writeJson(res, 200, await publishedKeys(deps));
      }
      if (pathname === "/readyz") {
        const state = await readiness(deps);
        return writeJson(res, state.ready ? 200 : 503, {
          status: state.ready ? "ready" : "unready",
          ...state,
        });
      }
      if (pathname.startsWith(LOGO_ROUTE) && (req.method === "GET" || req.method === "HEAD")) {
        return await serveLogo(deps, pathname.slice(LOGO_ROUTE.length), res);
      }
      if (pathname === TLS_ASK_PATH) return await handleTlsAsk(deps, req, res, url);
      if (pathname === SSO_START_PATH && req.method === "GET") return await handleSsoStart(deps, req, res);
      if (pathname === SSO_CALLBACK_PATH && req.method === "GET")
        return await handleSsoCallback(deps, req, res);
      if (pathname.startsWith(SAML_METADATA_PREFIX) && req.method === "GET")
        return await handleSamlMetadata(deps, req, res);
      // a cross-site POST by design (the IdP's auto-submitted form): exempt from the Origin check
      if (pathname.startsWith(SAML_ACS_PREFIX) && req.method === "POST")
        return await handleSamlAcs(deps, req, res);
      // before the cross-site check: mail providers' one-click POSTs carry the token, no session
      if (MAIL_LINK_PATHS.has(pathname)) return await handleMailLink(deps, req, res, url);
      // Bearer token only, no cookie: a cross-site origin proves nothing here, so no cross-site check.
      if (pathname.startsWith(`${SCIM_BASE}/`)) return await scimHandler(req, res, url);
      if (pathname === `${REST_BASE}/openapi.json`) {
        const { restDocument } = await import("./rest/document.ts"); // zod-openapi: on first ask
        return writeJson(res, 200, restDocument(REST_OPERATIONS));
      }
      const isTrpc = pathname.startsWith("/trpc/");
      const isRest = pathname.startsWith(`${REST_BASE}/`);
      // attachments: raw uploads with the session cookie, so the same cross-site check
      const isAttachments = isAttachmentsPath(pathname);
      if (isTrpc || isRest || isAttachments) {
        if (crossSiteMutation(req)) {
          const refused = new DomainError("FORBIDDEN", "Cross-site request refused", { field: "Origin" });
          if (isRest) return writeJson(res, 403, toRestFailure(refused, requestId).body);
          return writeJson(res, 403, { error: { code: "FORBIDDEN", message: refused.message } });
        }
        res.setHeader("Cache-Control", "no-store");
        if (isAttachments) return await attachmentsHandler(req, res, url);
        if (isRest) return await restHandler(req, res, url);
        const body = await admitRequestBody(req, res, { url, flavour: "trpc", limit: MAX_BODY_BYTES });
        if (body === null) return;
        return await trpcHandler(req, res, url, body);
      }
      return await serveStatic(options.webDist, req, res, pathname);
    } catch (error) {
      answerFailure(deps, res, { requestId, pathname }, error);
    }
  };
};
