import type { OidcSettingsValue } from "@tessera/domain";
import type * as oidc from "openid-client";
import { sha256 } from "../auth/tokens.ts";
import type { AppDeps } from "../context.ts";

const DISCOVERY_TTL_MS = 10 * 60_000;
/** A provider that failed discovery is not asked again for this long, whoever starts SSO. */
const DISCOVERY_FAILURE_TTL_MS = 60_000;

const discoveries = new Map<string, { config: oidc.Configuration; fetchedAt: number }>();
const failures = new Map<string, { error: unknown; failedAt: number }>();

/**
 * The provider's metadata, fetched from its discovery document and kept ten minutes; a
 * failure is kept a minute, so anonymous starts cannot make us hammer an address. Every
 * request openid-client makes for this provider (discovery, token, JWKS, userinfo) goes
 * through the outbound-address policy, wherever the discovery document points.
 */
export const providerConfiguration = async (
  deps: Pick<AppDeps, "config" | "clock" | "egress">,
  settings: OidcSettingsValue,
  clientSecret: string,
) => {
  const cacheKey = `${settings.issuer}|${settings.clientId}|${sha256(clientSecret)}`;
  const now = deps.clock.now().getTime();
  const cached = discoveries.get(cacheKey);
  if (cached && now - cached.fetchedAt < DISCOVERY_TTL_MS) return cached.config;
  const failed = failures.get(cacheKey);
  if (failed && now - failed.failedAt < DISCOVERY_FAILURE_TTL_MS) throw failed.error;
  const insecure = deps.config.ALLOW_INSECURE_LOOPBACK && settings.issuer.startsWith("http://");
  try {
    const client = await import("openid-client"); // on the first OIDC sign-in, not at start
    const config = await client.discovery(
      new URL(settings.issuer),
      settings.clientId,
      clientSecret,
      undefined,
      {
        execute: insecure ? [client.allowInsecureRequests] : [],
        timeout: 10,
        // undici's Response is the one Node's fetch returns; openid-client checks it loosely
        [client.customFetch]: deps.egress.fetch as unknown as oidc.CustomFetch,
      },
    );
    discoveries.set(cacheKey, { config, fetchedAt: now });
    failures.delete(cacheKey);
    return config;
  } catch (error) {
    failures.set(cacheKey, { error, failedAt: now });
    throw error;
  }
};
