import type { IncomingMessage } from "node:http";
import { resolveApiKey } from "./api-keys/service.ts";
import { readCookie, SESSION_COOKIE } from "./auth/cookie.ts";
import { resolveSession } from "./auth/service.ts";
import type { AppDeps, Context, RequestInfo } from "./context.ts";
import { toTRPCError } from "./errors.ts";

export const clientIp = (req: IncomingMessage, trustProxy: boolean): string | null => {
  if (trustProxy) {
    const forwarded = req.headers["x-forwarded-for"];
    const first = (Array.isArray(forwarded) ? forwarded[0] : forwarded)?.split(",")[0]?.trim();
    if (first) return first;
  }
  return req.socket.remoteAddress ?? null;
};

export const isSecure = (req: IncomingMessage, trustProxy: boolean): boolean =>
  ("encrypted" in req.socket && Boolean(req.socket.encrypted)) ||
  (trustProxy && req.headers["x-forwarded-proto"] === "https");

/** Build the per-request context: who is calling comes from the session cookie. */
export const createRequestContext = async (
  deps: AppDeps,
  request: Omit<RequestInfo, "sessionToken"> & {
    cookieHeader: string | undefined;
    authorizationHeader?: string | undefined;
  },
): Promise<Context> => {
  const { cookieHeader, authorizationHeader, ...rest } = request;
  const sessionToken = readCookie(cookieHeader, SESSION_COOKIE);
  const bearer = authorizationHeader?.match(/^Bearer\s+(\S+)$/i)?.[1];
  let actor: Awaited<ReturnType<typeof resolveSession>> = null;
  let resolved: Awaited<ReturnType<typeof resolveApiKey>> | null = null;
  try {
    actor = sessionToken ? await resolveSession(deps, sessionToken) : null;
    resolved = bearer ? await resolveApiKey(deps, bearer) : null;
  } catch (error) {
    // Reading the session is the first query of most requests: a database outage must answer
    // 503 from here too, not a 500.
    throw toTRPCError(error) ?? error;
  }
  const apiKey = resolved && typeof resolved === "object" ? resolved : null;
  const apiKeyProblem =
    typeof resolved === "string" ? resolved : authorizationHeader && !bearer ? "UNKNOWN" : null;
  return { ...deps, request: { ...rest, sessionToken }, actor, apiKey, apiKeyProblem };
};

/** Each request's id, set by the HTTP handler, read into the context (and its log lines). */
export const REQUEST_IDS = new WeakMap<IncomingMessage, string>();

/** Where a response header goes: node's response, or the other shape some adapters use. */
interface HeaderSink {
  headersSent: boolean;
  setHeader(name: string, value: string | string[]): unknown;
}

/** The context of a node:http request, for the tRPC and REST handlers alike. */
export const contextFromNodeRequest = (deps: AppDeps, req: IncomingMessage, res: HeaderSink) =>
  createRequestContext(deps, {
    ip: clientIp(req, deps.config.TRUST_PROXY),
    userAgent: req.headers["user-agent"] ?? null,
    secure: isSecure(req, deps.config.TRUST_PROXY),
    host: req.headers.host ?? null,
    requestId: REQUEST_IDS.get(req),
    cookieHeader: req.headers.cookie,
    authorizationHeader: req.headers.authorization,
    setHeader: (name, value) => {
      if (!res.headersSent) res.setHeader(name, value);
    },
  });
