import { DomainError, requireSecureUrl } from "@tessera/domain";
import { addressRefusal, literalAddress } from "./address-policy.ts";

/**
 * A URL the server will call (an OIDC issuer, a webhook): https (plain http to loopback only
 * with ALLOW_INSECURE_LOOPBACK), and a host that is not a literal special-purpose address
 * or a `localhost` name. Names are checked again, address by address, at every connection.
 */
export const requireOutboundUrl = (field: string, value: string, allowInsecureLoopback: boolean): void => {
  requireSecureUrl(field, value, allowInsecureLoopback);
  const host = new URL(value).hostname.toLowerCase();
  const literal = literalAddress(host);
  const refusal = literal
    ? addressRefusal(literal, allowInsecureLoopback)
    : /(^|\.)localhost\.?$/.test(host) && !allowInsecureLoopback
      ? "loopback"
      : null;
  if (refusal) {
    throw new DomainError("VALIDATION_FAILED", `must be a public address, not ${refusal} (${host})`, {
      field,
    });
  }
};
