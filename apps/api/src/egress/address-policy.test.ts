import { describe, expect, it } from "vitest";
import { addressRefusal, literalAddress } from "./address-policy.ts";

describe("outbound address policy", () => {
  it.each([
    ["public IPv4", "8.8.8.8"],
    ["public IPv4", "93.184.215.14"],
    ["public IPv6", "2001:4860:4860::8888"],
    ["public IPv6", "2606:4700:4700::1111"],
    ["public IPv4, mapped into IPv6", "::ffff:8.8.8.8"],
  ])("%s %s is allowed", (_label, address) => {
    expect(addressRefusal(address, false)).toBeNull();
  });

  it.each([
    ["0.0.0.0", "unspecified"],
    ["0.1.2.3", "unspecified"],
    ["10.1.2.3", "private"],
    ["172.16.0.1", "private"],
    ["192.168.1.1", "private"],
    ["100.64.0.1", "carrierGradeNat"],
    ["127.0.0.1", "loopback"],
    ["127.255.0.9", "loopback"],
    ["169.254.169.254", "linkLocal"],
    ["192.0.0.8", "reserved"],
    ["192.0.2.1", "reserved"],
    ["198.18.0.1", "reserved"],
    ["198.51.100.7", "reserved"],
    ["203.0.113.9", "reserved"],
    ["240.0.0.1", "reserved"],
    ["224.0.0.1", "multicast"],
    ["255.255.255.255", "broadcast"],
    ["::", "unspecified"],
    ["::1", "loopback"],
    ["::127.0.0.1", "loopback"],
    ["::ffff:127.0.0.1", "loopback"],
    ["::ffff:10.0.0.1", "private"],
    ["::ffff:169.254.169.254", "linkLocal"],
    ["::ffff:0:7f00:1", "rfc6145"],
    ["::7f00:2", "not global unicast"],
    ["::1:2:3", "not global unicast"],
    ["64:ff9b::7f00:1", "rfc6052"],
    ["64:ff9b:1::1", "rfc6052"],
    ["2002:7f00:1::1", "6to4"],
    ["2001::1", "teredo"],
    ["2001:2::1", "benchmarking"],
    ["2001:db8::1", "reserved"],
    ["2001:10::1", "deprecatedOrchid"],
    ["3fff::1", "reserved"],
    ["100::1", "discard"],
    ["fc00::1", "uniqueLocal"],
    ["fd12:3456::1", "uniqueLocal"],
    ["fe80::1", "linkLocal"],
    ["fe80::1%eth0", "linkLocal"],
    ["fec0::1", "deprecatedSiteLocal"],
    ["ff02::1", "multicast"],
    ["5f00::1", "segmentRouting"],
    ["4000::1", "not global unicast"],
    ["not-an-address", "not an IP address"],
  ])("%s is refused (%s)", (address, why) => {
    expect(addressRefusal(address, false)).toBe(why);
    expect(addressRefusal(address, true) === null).toBe(why === "loopback");
  });

  it("loopback is allowed only with the development allowance, nothing else with it", () => {
    expect(addressRefusal("127.0.0.1", true)).toBeNull();
    expect(addressRefusal("::1", true)).toBeNull();
    expect(addressRefusal("10.0.0.1", true)).toBe("private");
    expect(addressRefusal("169.254.169.254", true)).toBe("linkLocal");
  });

  it("a literal host is recognised in either family, a name is not", () => {
    expect(literalAddress("8.8.8.8")).toBe("8.8.8.8");
    expect(literalAddress("[::1]")).toBe("::1");
    expect(literalAddress("hooks.example.com")).toBeNull();
  });
});
