import { Resolver } from "node:dns/promises";
import type { DnsAnswer, RoutingAnswer } from "@tessera/domain";

const resolverFor = (servers: string[] | undefined) => {
  const resolver = new Resolver({ timeout: 3_000, tries: 2 });
  if (servers?.length) resolver.setServers(servers);
  return resolver;
};

const errorCode = (error: unknown) => {
  const code = (error as NodeJS.ErrnoException).code;
  return typeof code === "string" ? code : "ESERVFAIL";
};

/** Both address families of a name; "no records" of one family is no failure when the other answers. */
const addressesOf = async (resolver: Resolver, name: string): Promise<DnsAnswer> => {
  const [v4, v6] = await Promise.allSettled([resolver.resolve4(name), resolver.resolve6(name)]);
  const records = [v4, v6].flatMap((result) => (result.status === "fulfilled" ? result.value : []));
  if (records.length > 0) return { records };
  const failure = [v4, v6].find(
    (result): result is PromiseRejectedResult =>
      result.status === "rejected" && !["ENODATA", "ENOTFOUND"].includes(errorCode(result.reason)),
  );
  return failure ? { error: errorCode(failure.reason) } : { records: [] };
};

/**
 * TXT lookups against the configured DNS servers (DNS_RESOLVER), else the system's. Each
 * record's character-strings are joined, as RFC 7208 readers do.
 */
export const lookupTxt = async (name: string, servers: string[] | undefined): Promise<DnsAnswer> => {
  try {
    const records = await resolverFor(servers).resolveTxt(name);
    return { records: records.map((chunks) => chunks.join("")) };
  } catch (error) {
    return { error: errorCode(error) };
  }
};

/** Where `hostname` points (its CNAME, else its addresses) and the addresses of our `target`. */
export const lookupRouting = async (
  hostname: string,
  target: string,
  servers: string[] | undefined,
): Promise<RoutingAnswer> => {
  const resolver = resolverFor(servers);
  const [cname, addresses, targetAddresses] = await Promise.all([
    resolver.resolveCname(hostname).then(
      (records): DnsAnswer => ({ records }),
      (error: unknown): DnsAnswer => ({ error: errorCode(error) }),
    ),
    addressesOf(resolver, hostname),
    addressesOf(resolver, target),
  ]);
  return { cname, addresses, targetAddresses };
};
