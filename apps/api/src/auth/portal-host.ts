import { DomainError } from "@tessera/domain";
import ipaddr from "ipaddr.js";
import type { Actor, AppDeps } from "../context.ts";
import { organizationForHost } from "../white-label/domains.ts";

type HostDeps = Pick<AppDeps, "db" | "config">;

const hostnameOf = (host: string): string =>
  host
    .trim()
    .toLowerCase()
    .replace(/^\[(.*)\](:\d+)?$/, "$1")
    .replace(/:\d+$/, "")
    .replace(/\.$/, "");

/** Our own addresses can never be a customer's domain: no lookup for them. */
const isOwnHost = (config: HostDeps["config"], hostname: string): boolean => {
  if (hostname === "localhost" || ipaddr.isValid(hostname)) return true;
  if (config.PUBLIC_URL && new URL(config.PUBLIC_URL).hostname === hostname) return true;
  return config.PLATFORM_DOMAINS.some((domain) => hostname === domain || hostname.endsWith(`.${domain}`));
};

/**
 * The organisation whose verified custom domain the request arrived on, or null. The
 * customer controls that domain's DNS, so there it serves that organisation's portal only.
 */
const customDomainOrganization = async (
  deps: HostDeps,
  host: string | null | undefined,
): Promise<string | null> => {
  const hostname = host ? hostnameOf(host) : "";
  if (!hostname || isOwnHost(deps.config, hostname)) return null;
  return organizationForHost(deps, hostname);
};

/** Whether a session's actor is honoured on this Host: on a customer's domain, only its own people. */
export const actorBelongsOnHost = async (deps: HostDeps, actor: Actor, host: string | null | undefined) => {
  const organizationId = await customDomainOrganization(deps, host);
  return !organizationId || actor.organizationId === organizationId;
};

/**
 * Refuse a sign-in (after the password proved right, so the answer tells nothing the
 * platform's own sign-in page would not) by someone who does not belong on this domain.
 */
export const requireSignInHere = async (
  deps: HostDeps,
  host: string | null | undefined,
  user: { kind: "STAFF" | "CUSTOMER"; organizationId: string | null },
): Promise<void> => {
  const organizationId = await customDomainOrganization(deps, host);
  if (!organizationId || user.organizationId === organizationId) return;
  const signInUrl = deps.config.PUBLIC_URL ?? null;
  const where = signInUrl ?? "Tessera's own address";
  if (user.kind === "STAFF") {
    throw new DomainError(
      "STAFF_SIGN_IN_ELSEWHERE",
      `Staff sign in at ${where}, never on a customer's domain`,
      { field: "email", signInUrl },
    );
  }
  throw new DomainError(
    "SIGN_IN_ELSEWHERE",
    `This portal belongs to another organisation; sign in at ${where} or your organisation's own address`,
    { field: "email", signInUrl },
  );
};
