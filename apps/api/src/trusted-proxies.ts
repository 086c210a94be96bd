import ipaddr from "ipaddr.js";

/** One parsed CIDR range, as `ipaddr.parseCIDR` gives it. */
export type ProxyRange = [ipaddr.IPv4 | ipaddr.IPv6, number];

/**
 * The proxies trusted when TRUST_PROXY=true names none: loopback and the private ranges a
 * load balancer in the same network sits in. A public address is never trusted by default.
 */
export const DEFAULT_TRUSTED_PROXIES = "127.0.0.0/8,::1/128,10.0.0.0/8,172.16.0.0/12,192.168.0.0/16,fc00::/7";

/** Comma-separated CIDRs (a bare address is its own /32 or /128); throws naming a bad entry. */
export const parseTrustedProxies = (value: string): ProxyRange[] =>
  value
    .split(",")
    .map((entry) => entry.trim())
    .filter(Boolean)
    .map((entry) => {
      const cidr = entry.includes("/")
        ? entry
        : `${entry}/${ipaddr.parse(entry).kind() === "ipv4" ? 32 : 128}`;
      const [address, bits] = ipaddr.parseCIDR(cidr);
      return [unmapped(address), address.kind() === "ipv6" && isMapped(address) ? bits - 96 : bits];
    });

const isMapped = (address: ipaddr.IPv4 | ipaddr.IPv6) =>
  address.kind() === "ipv6" && (address as ipaddr.IPv6).isIPv4MappedAddress();

/** `::ffff:10.0.0.1` is 10.0.0.1: a dual-stack socket reports IPv4 peers in that form. */
const unmapped = (address: ipaddr.IPv4 | ipaddr.IPv6): ipaddr.IPv4 | ipaddr.IPv6 =>
  isMapped(address) ? (address as ipaddr.IPv6).toIPv4Address() : address;

/** The address in its plain form, or null when it is not an IP address. */
const parseAddress = (value: string | undefined): ipaddr.IPv4 | ipaddr.IPv6 | null => {
  const text = value?.trim().replace(/^\[(.*)\]$/, "$1");
  if (!text || !ipaddr.isValid(text)) return null;
  return unmapped(ipaddr.parse(text));
};

const isTrusted = (address: ipaddr.IPv4 | ipaddr.IPv6, proxies: ProxyRange[]): boolean =>
  proxies.some(([range, bits]) => range.kind() === address.kind() && address.match(range, bits));

/** Whether the socket peer is one of our proxies, so its forwarding headers may be believed. */
export const peerIsTrustedProxy = (peer: string | undefined, proxies: ProxyRange[]): boolean => {
  const address = parseAddress(peer);
  return address !== null && isTrusted(address, proxies);
};

/**
 * The client's address: the socket peer, unless the peer is a trusted proxy; then the
 * right-most X-Forwarded-For entry that is not a trusted proxy. Entries left of it were
 * written by the client and prove nothing. A malformed entry ends the walk at the last
 * proxy that vouched for the hop.
 */
export const forwardedClientAddress = (
  peer: string | undefined,
  forwardedFor: string | undefined,
  proxies: ProxyRange[],
): string | null => {
  let current = parseAddress(peer);
  if (!current) return peer ?? null;
  const hops = (forwardedFor ?? "").split(",").reverse();
  for (const hop of hops) {
    if (!isTrusted(current, proxies)) break;
    const next = parseAddress(hop);
    if (!next) break;
    current = next;
  }
  return current.toString();
};
