import type { IncomingMessage } from "node:http";
import { resolveApiKey } from "./api-keys/service.ts";
import { readCookie, SESSION_COOKIE } from "./auth/cookie.ts";
import { actorBelongsOnHost } from "./auth/portal-host.ts";
import { resolveSession } from "./auth/service.ts";
import type { AppDeps, Context, RequestInfo } from "./context.ts";
import { toTRPCError } from "./errors.ts";
import { forwardedClientAddress, type ProxyRange, peerIsTrustedProxy } from "./trusted-proxies.ts";

/** Who is calling: see `forwardedClientAddress` for how proxies are believed. */
export const clientIp = (req: IncomingMessage, trustedProxies: ProxyRange[]): string | null =>
  forwardedClientAddress(
    req.socket.remoteAddress,
    headerText(req.headers["x-forwarded-for"]),
    trustedProxies,
  );

/**
 * The client address of a request that names no forwarder: the peer's, the same for every
 * request of a keep-alive connection, so it is worked out once per socket.
 */
const PEER_ADDRESSES = new WeakMap<IncomingMessage["socket"], string | null>();
const requestClientIp = (req: IncomingMessage, trustedProxies: ProxyRange[]): string | null => {
  if (req.headers["x-forwarded-for"] !== undefined) return clientIp(req, trustedProxies);
  let address = PEER_ADDRESSES.get(req.socket);
  if (address === undefined) {
    address = clientIp(req, trustedProxies);
    PEER_ADDRESSES.set(req.socket, address);
  }
  return address;
};

/** Repeated headers are one list, in the order they arrived. */
const headerText = (value: string | string[] | undefined) => (Array.isArray(value) ? value.join(",") : value);

/** Over TLS here, or a trusted proxy (and only one) says the client used https. */
export const isSecure = (req: IncomingMessage, trustedProxies: ProxyRange[]): boolean =>
  ("encrypted" in req.socket && Boolean(req.socket.encrypted)) ||
  (req.headers["x-forwarded-proto"] === "https" &&
    peerIsTrustedProxy(req.socket.remoteAddress, trustedProxies));

/** Who is calling: the session from its cookie (unless `session: false`) and the Bearer key. */
export const createRequestContext = async (
  deps: AppDeps,
  request: Omit<RequestInfo, "sessionToken"> & {
    cookieHeader: string | undefined;
    authorizationHeader?: string | undefined;
    /** REST takes keys only: its requests skip the session lookup a cookie would cost. */
    session?: boolean;
  },
): Promise<Context> => {
  const { cookieHeader, authorizationHeader, session = true, ...rest } = request;
  const sessionToken = session ? readCookie(cookieHeader, SESSION_COOKIE) : null;
  const bearer = authorizationHeader?.match(/^Bearer\s+(\S+)$/i)?.[1];
  let actor: Awaited<ReturnType<typeof resolveSession>> = null;
  let resolved: Awaited<ReturnType<typeof resolveApiKey>> | null = null;
  try {
    actor = sessionToken ? await resolveSession(deps, sessionToken) : null;
    // A customer's own domain serves only its portal: anyone else's session counts as signed out there.
    if (actor && !(await actorBelongsOnHost(deps, actor, rest.host))) actor = null;
    resolved = bearer ? await resolveApiKey(deps, bearer) : null;
  } catch (error) {
    // Reading the session is the first query of most requests: a database outage must answer
    // 503 from here too, not a 500.
    throw toTRPCError(error) ?? error;
  }
  const apiKey = resolved && typeof resolved === "object" ? resolved : null;
  const apiKeyProblem =
    typeof resolved === "string" ? resolved : authorizationHeader && !bearer ? "UNKNOWN" : null;
  const own = { request: { ...rest, sessionToken }, actor, apiKey, apiKeyProblem };
  // REST never spreads its context, so it inherits the ~20 dependencies instead of copying
  // them per request; tRPC's middlewares spread theirs (`next({ ctx })`), so it gets a copy.
  return session ? { ...deps, ...own } : Object.assign(Object.create(deps) as AppDeps, own);
};

/** Each request's id, set by the HTTP handler, read into the context (and its log lines). */
export const REQUEST_IDS = new WeakMap<IncomingMessage, string>();

/** Where a response header goes: node's response, or the other shape some adapters use. */
interface HeaderSink {
  headersSent: boolean;
  setHeader(name: string, value: string | string[]): unknown;
}

/**
 * The context of a node:http request, for the tRPC and REST handlers alike; REST passes
 * `{ session: false }`, as it serves keys only.
 */
export const contextFromNodeRequest = (
  deps: AppDeps,
  req: IncomingMessage,
  res: HeaderSink,
  options: { session?: boolean } = {},
) =>
  createRequestContext(deps, {
    ...options,
    ip: requestClientIp(req, deps.config.trustedProxies),
    userAgent: req.headers["user-agent"] ?? null,
    secure: isSecure(req, deps.config.trustedProxies),
    host: req.headers.host ?? null,
    requestId: REQUEST_IDS.get(req),
    cookieHeader: req.headers.cookie,
    authorizationHeader: req.headers.authorization,
    setHeader: (name, value) => {
      if (!res.headersSent) res.setHeader(name, value);
    },
  });
