import { type LookupAddress, lookup as systemLookup } from "node:dns";
import { Resolver } from "node:dns/promises";
import type { LookupFunction } from "node:net";
import {
  Agent,
  buildConnector,
  type Dispatcher,
  type RequestInit,
  type Response,
  fetch as undiciFetch,
} from "undici";
import type { Config } from "../config.ts";
import { addressRefusal, literalAddress } from "./address-policy.ts";

/** Why an outbound request was not sent: the destination is not a public address or scheme. */
class EgressRefusedError extends Error {
  readonly code = "EGRESS_REFUSED";
}

/** Resolves every address of a name, as `dns.lookup(name, { all: true })` does. */
export type ResolveAll = (
  hostname: string,
  callback: (error: NodeJS.ErrnoException | null, addresses: LookupAddress[]) => void,
) => void;

const systemResolveAll: ResolveAll = (hostname, callback) =>
  systemLookup(hostname, { all: true }, (error, addresses) => callback(error, addresses ?? []));

/** A and AAAA records from the configured DNS servers (DNS_RESOLVER), as the domain checks use. */
const serversResolveAll = (servers: string[]): ResolveAll => {
  const resolver = new Resolver({ timeout: 3_000, tries: 2 });
  resolver.setServers(servers);
  return (hostname, callback) => {
    void Promise.allSettled([resolver.resolve4(hostname), resolver.resolve6(hostname)]).then(([v4, v6]) => {
      const addresses = [
        ...(v4.status === "fulfilled" ? v4.value.map((address) => ({ address, family: 4 })) : []),
        ...(v6.status === "fulfilled" ? v6.value.map((address) => ({ address, family: 6 })) : []),
      ];
      if (addresses.length > 0) return callback(null, addresses);
      const reason = v4.status === "rejected" ? v4.reason : null;
      callback(reason ?? Object.assign(new Error(`${hostname} has no address`), { code: "ENOTFOUND" }), []);
    });
  };
};

/**
 * A `lookup` for the socket that resolves once and hands the socket only the answers that
 * pass the policy, so the address that was checked is the address connected to: a name that
 * answers a public address to a check and 127.0.0.1 to the connection cannot exist here.
 */
const vettedLookup =
  (resolveAll: ResolveAll, allowLoopback: () => boolean): LookupFunction =>
  (hostname, options, callback) => {
    resolveAll(hostname, (error, answers) => {
      if (error) return callback(error, "", 0);
      const vetted = answers.filter((answer) => addressRefusal(answer.address, allowLoopback()) === null);
      const [first] = vetted;
      if (!first) {
        const refused = answers[0];
        const why = refused
          ? `${refused.address}, ${addressRefusal(refused.address, allowLoopback())}`
          : "nothing";
        return callback(
          new EgressRefusedError(`${hostname} resolves to ${why}: not a public address`),
          "",
          0,
        );
      }
      if (options.all) return callback(null, vetted);
      return callback(null, first.address, first.family);
    });
  };

export interface Egress {
  /** fetch through the policy: https only (http too with ALLOW_INSECURE_LOOPBACK), no redirects followed. */
  fetch(url: string | URL, init?: RequestInit): Promise<Response>;
  /** The vetting connection pool itself: every connection it opens obeys the address policy. */
  dispatcher: Dispatcher;
  close(): Promise<void>;
}

/**
 * The one way the server calls out (webhooks, OpenID providers). Names are resolved by the
 * system, or by DNS_RESOLVER's servers when set; every connection, including one to a literal
 * address, goes through the address policy, whose loopback setting is read at each connection.
 */
export const createEgress = (
  config: Pick<Config, "ALLOW_INSECURE_LOOPBACK" | "DNS_RESOLVER">,
  resolveAll: ResolveAll = config.DNS_RESOLVER?.length
    ? serversResolveAll(config.DNS_RESOLVER)
    : systemResolveAll,
): Egress => {
  const allowLoopback = () => config.ALLOW_INSECURE_LOOPBACK;
  const connectVetted = buildConnector({ lookup: vettedLookup(resolveAll, allowLoopback), timeout: 10_000 });
  /** Node skips the lookup for a literal address, so literals are judged here. */
  const literalRefusal = (hostname: string): EgressRefusedError | null => {
    const literal = literalAddress(hostname);
    const refusal = literal ? addressRefusal(literal, allowLoopback()) : null;
    return literal && refusal
      ? new EgressRefusedError(`${literal} is ${refusal}: not a public address`)
      : null;
  };
  const agent = new Agent({
    connect: (options, callback) => {
      const refused = literalRefusal(options.hostname);
      return refused ? callback(refused, null) : connectVetted(options, callback);
    },
  });
  return {
    fetch: async (url, init = {}) => {
      const target = new URL(url);
      if (target.protocol !== "https:" && !(allowLoopback() && target.protocol === "http:")) {
        throw new EgressRefusedError(`only https:// URLs may be called, not ${target.protocol}`);
      }
      // Checked before fetch too: fetch refuses some ports itself ("bad port") before connecting,
      // which would hide the policy's reason.
      const refused = literalRefusal(target.hostname);
      if (refused) throw refused;
      return undiciFetch(target, { ...init, redirect: "manual", dispatcher: agent });
    },
    dispatcher: agent,
    close: () => agent.close(),
  };
};

/** The policy's refusal behind a failed fetch (undici wraps it as the cause), if that is why. */
export const egressRefusal = (error: unknown): EgressRefusedError | null => {
  if (error instanceof EgressRefusedError) return error;
  const cause = (error as { cause?: unknown } | null)?.cause;
  return cause instanceof EgressRefusedError ? cause : null;
};
