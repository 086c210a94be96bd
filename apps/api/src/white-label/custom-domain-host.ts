import { customizations } from "@tessera/db/schema";
import { and, eq, sql } from "drizzle-orm";
import ipaddr from "ipaddr.js";
import type { AppDeps } from "../context.ts";

type HostDeps = Pick<AppDeps, "db" | "config">;

/** A Host header as a bare lower-case name: no port, no IPv6 brackets, no trailing dot. */
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
 * The organisation whose VERIFIED custom domain a request arrived on, or null. Theming and the
 * portal-only rule of a customer's domain both ask this, once per request that needs it.
 */
export const organizationForHost = async (
  deps: HostDeps,
  host: string | null | undefined,
): Promise<string | null> => {
  const hostname = host ? hostnameOf(host) : "";
  if (!hostname || hostname.length > 253 || isOwnHost(deps.config, hostname)) return null;
  const [row] = await deps.db
    .select({ organizationId: customizations.organizationId })
    .from(customizations)
    .where(
      and(
        eq(customizations.type, "DOMAIN"),
        sql`${customizations.value}->>'hostname' = ${hostname}`,
        sql`${customizations.value}->>'status' = 'VERIFIED'`,
      ),
    )
    .limit(1);
  return row?.organizationId ?? null;
};
