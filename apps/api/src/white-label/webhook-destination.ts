import { lookup } from "node:dns/promises";
import { BlockList, isIP } from "node:net";

const PRIVATE = new BlockList();
for (const [network, prefix] of [
  ["0.0.0.0", 8],
  ["10.0.0.0", 8],
  ["100.64.0.0", 10],
  ["127.0.0.0", 8],
  ["169.254.0.0", 16],
  ["172.16.0.0", 12],
  ["192.168.0.0", 16],
  ["224.0.0.0", 4],
] as const) {
  PRIVATE.addSubnet(network, prefix, "ipv4");
}
for (const [network, prefix] of [
  ["::", 128],
  ["::1", 128],
  ["fc00::", 7],
  ["fe80::", 10],
  ["::ffff:0:0", 96],
] as const) {
  PRIVATE.addSubnet(network, prefix, "ipv6");
}

const isLoopback = (address: string) => address === "::1" || address.startsWith("127.");

/**
 * Why a webhook may not be sent to `url`, or null when it may: https only, and never to a
 * private, loopback or link-local address (a webhook must not reach into our network). With
 * ALLOW_INSECURE_LOOPBACK, http and loopback are allowed for local development and tests.
 * The name is resolved again here, at send time, not only when the URL was saved.
 */
export const refusedDestination = async (
  url: string,
  allowInsecureLoopback: boolean,
): Promise<string | null> => {
  const parsed = new URL(url);
  if (parsed.protocol !== "https:" && !(allowInsecureLoopback && parsed.protocol === "http:")) {
    return "only https:// URLs receive webhooks";
  }
  const host = parsed.hostname.replace(/^\[|\]$/g, "");
  let addresses: string[];
  try {
    addresses = isIP(host) ? [host] : (await lookup(host, { all: true })).map((entry) => entry.address);
  } catch (error) {
    return `could not resolve ${host} (${(error as NodeJS.ErrnoException).code ?? "error"})`;
  }
  for (const address of addresses) {
    const family = isIP(address) === 6 ? "ipv6" : "ipv4";
    if (!PRIVATE.check(address, family)) continue;
    if (allowInsecureLoopback && isLoopback(address)) continue;
    return `${host} resolves to a private address (${address})`;
  }
  return null;
};
