import { Resolver } from "node:dns/promises";
import type { DnsAnswer } from "@tessera/domain";

/**
 * TXT lookups against the configured DNS servers (DNS_RESOLVER), else the system's. Each
 * record's character-strings are joined, as RFC 7208 readers do.
 */
export const lookupTxt = async (name: string, servers: string[] | undefined): Promise<DnsAnswer> => {
  const resolver = new Resolver({ timeout: 3_000, tries: 2 });
  if (servers?.length) resolver.setServers(servers);
  try {
    const records = await resolver.resolveTxt(name);
    return { records: records.map((chunks) => chunks.join("")) };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return { error: typeof code === "string" ? code : "ESERVFAIL" };
  }
};
