import type { IncomingMessage } from "node:http";
import { describe, expect, it } from "vitest";
import { loadConfig } from "./config.ts";
import { clientIp, isSecure } from "./request-context.ts";
import { parseTrustedProxies } from "./trusted-proxies.ts";

const request = (peer: string, headers: Record<string, string> = {}) =>
  ({ socket: { remoteAddress: peer }, headers }) as unknown as IncomingMessage;

const behindProxy = loadConfig({ TRUST_PROXY: "true" }).trustedProxies;
const onlyTen = loadConfig({
  TRUST_PROXY: "true",
  TRUSTED_PROXIES: "10.0.0.0/8, 2001:db8::1",
}).trustedProxies;

describe("clientIp", () => {
  it.each([
    [
      "no proxy configured: the peer, whatever the header says",
      [],
      "198.51.100.1",
      "1.2.3.4",
      "198.51.100.1",
    ],
    [
      "a forged left-most entry is skipped for the right-most untrusted",
      behindProxy,
      "127.0.0.1",
      "1.2.3.4, 198.51.100.7",
      "198.51.100.7",
    ],
    [
      "a chain of trusted proxies is walked past",
      behindProxy,
      "10.0.0.1",
      "6.6.6.6, 203.0.113.9, 192.168.1.2, 10.0.0.3",
      "203.0.113.9",
    ],
    ["an untrusted peer's header is ignored", onlyTen, "127.0.0.1", "1.2.3.4", "127.0.0.1"],
    ["a public peer is never trusted by default", behindProxy, "198.51.100.50", "1.2.3.4", "198.51.100.50"],
    [
      "an IPv4-mapped peer is unmapped before the check",
      onlyTen,
      "::ffff:10.1.2.3",
      "203.0.113.4",
      "203.0.113.4",
    ],
    ["an IPv4-mapped client is reported plainly", behindProxy, "::1", "::ffff:203.0.113.5", "203.0.113.5"],
    ["an exact IPv6 proxy", onlyTen, "2001:db8::1", "2001:db8::99", "2001:db8::99"],
    [
      "garbage stops the walk at the last proxy that vouched for it",
      behindProxy,
      "127.0.0.1",
      "1.2.3.4, not-an-ip",
      "127.0.0.1",
    ],
    ["every hop trusted: the furthest one", behindProxy, "127.0.0.1", "10.9.9.9", "10.9.9.9"],
    ["no header from a proxy: the proxy", behindProxy, "127.0.0.1", "", "127.0.0.1"],
  ])("%s", (_name, proxies, peer, forwardedFor, expected) => {
    expect(clientIp(request(peer, { "x-forwarded-for": forwardedFor }), proxies)).toBe(expected);
  });
});

describe("isSecure", () => {
  it("believes X-Forwarded-Proto only from a trusted peer", () => {
    const headers = { "x-forwarded-proto": "https" };
    expect(isSecure(request("127.0.0.1", headers), behindProxy)).toBe(true);
    expect(isSecure(request("198.51.100.1", headers), behindProxy)).toBe(false);
    expect(isSecure(request("127.0.0.1", headers), [])).toBe(false);
    expect(isSecure(request("127.0.0.1", headers), onlyTen)).toBe(false);
  });
});

describe("TRUSTED_PROXIES", () => {
  it("names a bad entry and refuses a list without TRUST_PROXY", () => {
    expect(() => loadConfig({ TRUST_PROXY: "true", TRUSTED_PROXIES: "10.0.0.0/33" })).toThrow(
      /TRUSTED_PROXIES/,
    );
    expect(() => loadConfig({ TRUST_PROXY: "true", TRUSTED_PROXIES: "proxy.internal" })).toThrow(
      /TRUSTED_PROXIES/,
    );
    expect(() => loadConfig({ TRUSTED_PROXIES: "10.0.0.0/8" })).toThrow(/TRUST_PROXY/);
    expect(loadConfig({}).trustedProxies).toEqual([]);
  });

  it("reads an IPv4-mapped CIDR as the IPv4 range", () => {
    const [range] = parseTrustedProxies("::ffff:10.0.0.0/104");
    expect(range?.[0].kind()).toBe("ipv4");
    expect(range?.[1]).toBe(8);
  });
});
