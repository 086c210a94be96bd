import { describe, expect, it } from "vitest";
import { isApexDomain, judgeRouting, type RoutingAnswer } from "./domain-routing.ts";

const TARGET = "domains.tessera.app";
const OURS = { records: ["192.0.2.10", "2001:db8::10"] };
const none = { error: "ENODATA" };
const answer = (partial: Partial<RoutingAnswer>): RoutingAnswer => ({
  cname: none,
  addresses: none,
  targetAddresses: OURS,
  ...partial,
});

describe("judgeRouting", () => {
  it.each<[string, Partial<RoutingAnswer>, string, string[], string]>([
    [
      "a CNAME to the target",
      { cname: { records: ["Domains.Tessera.App."] } },
      "ROUTED",
      ["CNAME domains.tessera.app"],
      "learn.example.com is a CNAME to domains.tessera.app",
    ],
    [
      "a CNAME elsewhere",
      { cname: { records: ["shop.host.net"] }, addresses: { records: ["203.0.113.5"] } },
      "ELSEWHERE",
      ["CNAME shop.host.net"],
      "learn.example.com is a CNAME to shop.host.net, not to domains.tessera.app",
    ],
    [
      "two CNAMEs, neither ours",
      { cname: { records: ["a.host.net", "b.host.net"] } },
      "ELSEWHERE",
      ["CNAME a.host.net", "CNAME b.host.net"],
      "learn.example.com is a CNAME to a.host.net, b.host.net, not to domains.tessera.app",
    ],
    [
      "nothing at all",
      { cname: { error: "ENOTFOUND" }, addresses: { error: "ENOTFOUND" } },
      "MISSING",
      [],
      "No CNAME, A or AAAA record at learn.example.com: it does not point at domains.tessera.app yet",
    ],
    [
      "addresses that are the target's",
      { addresses: { records: ["192.0.2.10"] } },
      "ROUTED",
      ["A 192.0.2.10"],
      "learn.example.com's addresses are domains.tessera.app's",
    ],
    [
      "both families, all the target's",
      { addresses: { records: ["192.0.2.10", "2001:db8::10"] } },
      "ROUTED",
      ["A 192.0.2.10", "AAAA 2001:db8::10"],
      "learn.example.com's addresses are domains.tessera.app's",
    ],
    [
      "one stray address among ours",
      { addresses: { records: ["192.0.2.10", "198.51.100.7"] } },
      "ELSEWHERE",
      ["A 192.0.2.10", "A 198.51.100.7"],
      "learn.example.com points at 198.51.100.7, which is not domains.tessera.app's (192.0.2.10, 2001:db8::10)",
    ],
    [
      "two stray addresses",
      { addresses: { records: ["198.51.100.7", "198.51.100.8"] } },
      "ELSEWHERE",
      ["A 198.51.100.7", "A 198.51.100.8"],
      "learn.example.com points at 198.51.100.7, 198.51.100.8, which are not domains.tessera.app's (192.0.2.10, 2001:db8::10)",
    ],
    [
      "a failing CNAME lookup",
      { cname: { error: "ETIMEOUT" } },
      "LOOKUP_FAILED",
      [],
      "The DNS lookup of learn.example.com failed (ETIMEOUT)",
    ],
    [
      "a failing address lookup",
      { addresses: { error: "ESERVFAIL" } },
      "LOOKUP_FAILED",
      [],
      "The DNS lookup of learn.example.com failed (ESERVFAIL)",
    ],
    [
      "the target's addresses unknown",
      { addresses: { records: ["192.0.2.10"] }, targetAddresses: { error: "ENOTFOUND" } },
      "LOOKUP_FAILED",
      ["A 192.0.2.10"],
      "The addresses of domains.tessera.app could not be looked up to compare with learn.example.com's",
    ],
    [
      "the target's lookup failing",
      { addresses: { records: ["192.0.2.10"] }, targetAddresses: { error: "ETIMEOUT" } },
      "LOOKUP_FAILED",
      ["A 192.0.2.10"],
      "The addresses of domains.tessera.app could not be looked up to compare with learn.example.com's",
    ],
  ])("%s", (_, partial, status, records, reason) => {
    expect(judgeRouting("learn.example.com", `${TARGET}.`, answer(partial))).toEqual({
      status,
      reason,
      records,
    });
  });
});

describe("isApexDomain", () => {
  it.each([
    ["example.com", true],
    ["example.co.uk", true],
    ["learn.example.com", false],
    ["learn.example.co.uk", false],
    // a name under a private suffix (github.io) is that owner's apex
    ["someone.github.io", true],
  ])("%s → %s", (hostname, apex) => {
    expect(isApexDomain(hostname)).toBe(apex);
  });
});
