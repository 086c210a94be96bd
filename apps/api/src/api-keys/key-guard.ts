import { type ApiAccessRefusal, type ApiKeyScope, DomainError } from "@tessera/domain";
import type { Context } from "../context.ts";
import type { ApiKeyPrincipal } from "./principal.ts";

/**
 * Who may call with a Bearer key, for tRPC procedures and REST operations alike: the key's
 * kind (a staff service key or an organisation's key), its scope, and for organisation keys
 * the organisation's API access and per-tier rate.
 */
type KeyKind = "organization" | "service";

const API_KEY_PROBLEMS = {
  UNKNOWN: "The API key is not valid",
  REVOKED: "The API key has been revoked",
  EXPIRED: "The API key has expired",
} as const;

const API_ACCESS_REFUSALS: Record<ApiAccessRefusal, string> = {
  SWITCHED_OFF:
    "API access is switched off for this organisation; an admin turns it on under Settings → API access",
  NO_LICENSE_IN_FORCE: "This organisation has no license in force, so its API keys are refused",
  NOT_ENTITLED: "This organisation's license does not include API access",
};

/** The request's key, or a 401 saying why there is none. */
export const presentedKey = (ctx: Pick<Context, "apiKey" | "apiKeyProblem">): ApiKeyPrincipal => {
  if (ctx.apiKey) return ctx.apiKey;
  const message = ctx.apiKeyProblem
    ? API_KEY_PROBLEMS[ctx.apiKeyProblem]
    : "Send an API key as Authorization: Bearer";
  throw new DomainError("UNAUTHENTICATED", message);
};

export const keyKind = (key: ApiKeyPrincipal): KeyKind =>
  key.organizationId === null ? "service" : "organization";

export const requireScope = (key: ApiKeyPrincipal, scope: ApiKeyScope) => {
  if (!key.scopes.includes(scope)) {
    throw new DomainError("FORBIDDEN", `The API key lacks the ${scope} scope`);
  }
};

/** A key of `kind` with `scope`, else 401/403. */
export const requireKey = (
  ctx: Pick<Context, "apiKey" | "apiKeyProblem">,
  scope: ApiKeyScope,
  kind: KeyKind,
): ApiKeyPrincipal => {
  const key = presentedKey(ctx);
  if (keyKind(key) !== kind) {
    throw new DomainError(
      "FORBIDDEN",
      `This endpoint needs a${kind === "service" ? " staff service" : "n organisation"} key`,
    );
  }
  requireScope(key, scope);
  return key;
};

export type OrganizationKey = ApiKeyPrincipal & { organizationId: string };

/**
 * An organisation key may call only while its organisation has API access; each call counts
 * against the tier's per-minute rate, reported in RateLimit-* headers.
 */
export const admitOrganizationKey = async (ctx: Context, key: OrganizationKey) => {
  if (!key.access?.enabled) {
    const reason = key.access?.refusal ?? "SWITCHED_OFF";
    throw new DomainError("API_ACCESS_DISABLED", API_ACCESS_REFUSALS[reason], { reason });
  }
  const { limit, remaining } = await ctx.apiRateLimiter.consume(key.organizationId, key.access.tier);
  ctx.request.setHeader("RateLimit-Limit", String(limit));
  ctx.request.setHeader("RateLimit-Remaining", String(remaining));
};
