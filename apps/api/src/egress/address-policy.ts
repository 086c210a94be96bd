import { isIP } from "node:net";
import ipaddr from "ipaddr.js";

/**
 * IPv6 global unicast is 2000::/3 (RFC 4291 §2.4). ipaddr.js calls anything it has no special
 * name for "unicast", which would let through IPv4-compatible forms such as `::127.0.0.1`.
 */
const GLOBAL_UNICAST_V6 = ipaddr.parseCIDR("2000::/3");

/**
 * Why the server may not connect to `address`, or null when it may. Only global unicast
 * passes: IPv4-mapped IPv6 is unmapped first (`::ffff:127.0.0.1` is loopback), and every
 * range ipaddr.js names (private, loopback, link-local, carrier-grade NAT, multicast,
 * reserved and documentation, benchmarking, NAT64 `rfc6052`, `6to4`, Teredo, site-local,
 * unique-local…) is refused, as is IPv6 outside 2000::/3. With `allowLoopback` (local
 * development and tests, ALLOW_INSECURE_LOOPBACK), loopback passes too.
 */
export const addressRefusal = (address: string, allowLoopback: boolean): string | null => {
  if (!ipaddr.isValid(address)) return "not an IP address";
  const parsed = ipaddr.process(address.replace(/%.*$/, ""));
  const range = parsed.range();
  if (range === "loopback" && allowLoopback) return null;
  if (range !== "unicast") return range;
  if (parsed.kind() === "ipv6" && !parsed.match(GLOBAL_UNICAST_V6)) return "not global unicast";
  return null;
};

/**
 * The address a URL's host names literally (`[::1]` → `::1`), or null for a name. Node skips
 * the lookup for a literal, so a literal must be checked where the connection is made.
 */
export const literalAddress = (hostname: string): string | null => {
  const host = hostname.replace(/^\[|\]$/g, "");
  return isIP(host) ? host : null;
};
