import { parse } from "tldts";

/**
 * Whether a custom domain's traffic reaches us: a CNAME to the platform's target, or (for an
 * apex, where DNS allows no CNAME) A/AAAA records holding only the target's addresses.
 */
export const ROUTING_STATUSES = ["ROUTED", "MISSING", "ELSEWHERE", "LOOKUP_FAILED"] as const;
type RoutingStatus = (typeof ROUTING_STATUSES)[number];

/** One resolver answer: the records found, or the DNS error code. */
type Lookup = { records: string[] } | { error: string };

/** What the resolver said about the hostname and about the platform's target. */
export interface RoutingAnswer {
  cname: Lookup;
  /** The hostname's A and AAAA records together. */
  addresses: Lookup;
  /** The target's A and AAAA records together (what an apex must point at). */
  targetAddresses: Lookup;
}

interface RoutingVerdict {
  status: RoutingStatus;
  reason: string;
  /** What was seen at the hostname, as "CNAME x" / "A 1.2.3.4" lines. */
  records: string[];
}

/** A name without the trailing dot and in lower case, as DNS compares names. */
const bare = (name: string) => name.trim().toLowerCase().replace(/\.$/, "");

/** "No such name" and "no records of that type" both mean nothing is there, not a failure. */
const EMPTY_ANSWERS = new Set(["ENOTFOUND", "ENODATA"]);
const recordsOf = (lookup: Lookup): string[] | null => {
  if ("records" in lookup) return lookup.records;
  return EMPTY_ANSWERS.has(lookup.error) ? [] : null;
};

/** An apex (the registrable name itself, e.g. example.com) cannot hold a CNAME. */
export const isApexDomain = (hostname: string): boolean =>
  parse(hostname, { allowPrivateDomains: true }).domain === hostname;

const addressType = (address: string) => (address.includes(":") ? "AAAA" : "A");

/** Judge where the hostname points, given what the resolver answered. */
export const judgeRouting = (hostname: string, target: string, answer: RoutingAnswer): RoutingVerdict => {
  const wanted = bare(target);
  const cnames = recordsOf(answer.cname);
  if (cnames?.length) {
    const records = cnames.map((name) => `CNAME ${bare(name)}`);
    if (cnames.some((name) => bare(name) === wanted)) {
      return { status: "ROUTED", reason: `${hostname} is a CNAME to ${wanted}`, records };
    }
    return {
      status: "ELSEWHERE",
      reason: `${hostname} is a CNAME to ${cnames.map(bare).join(", ")}, not to ${wanted}`,
      records,
    };
  }
  const addresses = recordsOf(answer.addresses);
  const failed = [answer.cname, answer.addresses].find((lookup) => recordsOf(lookup) === null);
  if (failed && "error" in failed) {
    return {
      status: "LOOKUP_FAILED",
      reason: `The DNS lookup of ${hostname} failed (${failed.error})`,
      records: [],
    };
  }
  if (!addresses?.length) {
    return {
      status: "MISSING",
      reason: `No CNAME, A or AAAA record at ${hostname}: it does not point at ${wanted} yet`,
      records: [],
    };
  }
  const records = addresses.map((address) => `${addressType(address)} ${address}`);
  const ours = recordsOf(answer.targetAddresses);
  if (!ours?.length) {
    return {
      status: "LOOKUP_FAILED",
      reason: `The addresses of ${wanted} could not be looked up to compare with ${hostname}'s`,
      records,
    };
  }
  const stray = addresses.filter((address) => !ours.includes(address));
  if (stray.length === 0) {
    return { status: "ROUTED", reason: `${hostname}'s addresses are ${wanted}'s`, records };
  }
  return {
    status: "ELSEWHERE",
    reason: `${hostname} points at ${stray.join(", ")}, which ${stray.length === 1 ? "is" : "are"} not ${wanted}'s (${ours.join(", ")})`,
    records,
  };
};
