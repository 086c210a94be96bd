import type { IncomingMessage, ServerResponse } from "node:http";
import { DomainError } from "@tessera/domain";
import { RateLimiterRes } from "rate-limiter-flexible";
import type { AppDeps, ServiceContext } from "../context.ts";
import { retryAfterSeconds } from "../rate-limits.ts";
import { readJsonObjectText } from "../request-body.ts";
import { clientIp, isSecure } from "../request-context.ts";
import { requireAllowed } from "../white-label/store.ts";
import { sendScimError } from "./http-response.ts";
import { SCIM_BASE, SCIM_MAX_BODY_BYTES } from "./protocol.ts";
import { routeScimRequest, type ScimRequest } from "./routes.ts";
import { resolveScimToken } from "./token-service.ts";

const unauthenticated = () => new DomainError("UNAUTHENTICATED", "A valid SCIM bearer token is required");

const bearerOf = (req: IncomingMessage): string | null => {
  const header = req.headers.authorization;
  const match = typeof header === "string" ? /^Bearer\s+(\S+)$/i.exec(header) : null;
  return match?.[1] ?? null;
};

/** SCIM clients send application/scim+json; plain application/json is accepted too. */
const requireJsonBody = (req: IncomingMessage) => {
  const type = req.headers["content-type"]?.split(";")[0]?.trim().toLowerCase();
  if (type !== "application/scim+json" && type !== "application/json") {
    throw new DomainError("UNSUPPORTED_MEDIA_TYPE", "Content-Type must be application/scim+json", {
      field: "Content-Type",
    });
  }
};

const parseBody = async (req: IncomingMessage): Promise<Record<string, unknown> | null> => {
  if (req.method !== "POST" && req.method !== "PUT" && req.method !== "PATCH") return null;
  const text = await readJsonObjectText(req, SCIM_MAX_BODY_BYTES);
  requireJsonBody(req);
  try {
    return text === "" ? {} : (JSON.parse(text) as Record<string, unknown>);
  } catch {
    throw new DomainError("BAD_REQUEST", "The body is not valid JSON", {
      field: "body",
      scimType: "invalidSyntax",
    });
  }
};

/** `/scim/v2/*`: a customer directory provisioning users with its organisation's SCIM token. */
export const createScimHandler = (deps: AppDeps) => {
  const consume = async (tokenId: string) => {
    try {
      await deps.scimRateLimiter.consume(tokenId);
    } catch (error) {
      if (!(error instanceof RateLimiterRes)) throw error;
      const seconds = retryAfterSeconds(error.msBeforeNext);
      throw new DomainError("RATE_LIMITED", `Too many SCIM requests; retry in ${seconds} s`, {
        retryAfterSeconds: seconds,
      });
    }
  };

  return async (req: IncomingMessage, res: ServerResponse, url: URL) => {
    try {
      const token = bearerOf(req);
      const principal = token ? await resolveScimToken(deps, token) : null;
      if (!principal) throw unauthenticated();
      // Provisioning goes with SSO: a license that no longer includes it stops the directory.
      await requireAllowed(deps.db, principal.organizationId, "SSO", deps.clock.now());
      await consume(principal.tokenId);
      const body = await parseBody(req);
      const ctx: ServiceContext = {
        db: deps.db,
        clock: deps.clock,
        actor: null,
        ip: clientIp(req, deps.config.trustedProxies),
        scimToken: { id: principal.tokenId, prefix: principal.prefix },
      };
      const request: ScimRequest = {
        method: req.method ?? "GET",
        segments: url.pathname.slice(SCIM_BASE.length).split("/").filter(Boolean),
        query: url.searchParams,
        body,
        base: `${isSecure(req, deps.config.trustedProxies) ? "https" : "http"}://${req.headers.host ?? "localhost"}${SCIM_BASE}`,
        organizationId: principal.organizationId,
      };
      await routeScimRequest(ctx, request, res);
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      req.resume();
      sendScimError(res, error);
    }
  };
};
