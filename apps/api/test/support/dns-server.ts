import { createSocket } from "node:dgram";
import type { AddressInfo } from "node:net";
import * as dnsPacket from "dns-packet";

/**
 * A real DNS server on 127.0.0.1 for the tests: answers TXT, CNAME, A and AAAA queries over UDP
 * from an in-memory zone, NXDOMAIN for names it does not hold. An A/AAAA question about a CNAME
 * is answered with the CNAME and its target's addresses, as a recursive resolver would. The API's resolver (DNS_RESOLVER)
 * talks to it exactly as it would to any server.
 */
export interface TestDnsServer {
  /** `127.0.0.1:<port>`, for DNS_RESOLVER. */
  address: string;
  port: number;
  setTxt(name: string, values: string[]): void;
  /** A and AAAA answers for `name` (IPv4 and IPv6 addresses), with a TTL of 0. */
  setAddresses(name: string, addresses: string[]): void;
  /** A CNAME at `name` pointing to `target`. */
  setCname(name: string, target: string): void;
  /** Drop the TXT records at `name`. */
  remove(name: string): void;
  /** Drop the CNAME and addresses at `name`. */
  removeRouting(name: string): void;
  /** How many queries it has answered. */
  queries(): number;
  close(): Promise<void>;
}

export const startDnsServer = async (port = 0): Promise<TestDnsServer> => {
  const zone = new Map<string, string[]>();
  const addressZone = new Map<string, string[]>();
  const cnameZone = new Map<string, string>();
  /** The address answers for an A/AAAA question, following one CNAME. */
  const addressAnswers = (qname: string, name: string, type: "A" | "AAAA"): dnsPacket.Answer[] => {
    const target = cnameZone.get(name);
    if (target) {
      return [
        { type: "CNAME", name: qname, ttl: 0, data: target },
        ...addressAnswers(target, target, type).filter((answer) => answer.type === type),
      ];
    }
    return (addressZone.get(name) ?? [])
      .filter((address) => address.includes(":") === (type === "AAAA"))
      .map((address) => ({ type, name: qname, ttl: 0, data: address }));
  };
  const socket = createSocket("udp4");
  let answered = 0;
  socket.on("message", (message, remote) => {
    let query: dnsPacket.Packet;
    try {
      query = dnsPacket.decode(message);
    } catch {
      return; // not DNS: ignore, as a server would
    }
    const question = query.questions?.[0];
    const name = question?.name.toLowerCase().replace(/\.$/, "") ?? "";
    const values = zone.get(name);
    const known = values !== undefined || addressZone.has(name) || cnameZone.has(name);
    const cname = cnameZone.get(name);
    const answers: dnsPacket.Answer[] =
      question?.type === "TXT" && values
        ? values.map((value) => ({ type: "TXT", name: question.name, ttl: 1, data: value }))
        : question?.type === "CNAME" && cname
          ? [{ type: "CNAME", name: question.name, ttl: 0, data: cname }]
          : question && (question.type === "A" || question.type === "AAAA")
            ? addressAnswers(question.name, name, question.type)
            : [];
    const response = dnsPacket.encode({
      id: query.id,
      type: "response",
      // NXDOMAIN (rcode 3) when the name is unknown; NOERROR with no answers for other types.
      flags: dnsPacket.RECURSION_DESIRED | dnsPacket.RECURSION_AVAILABLE | (known ? 0 : 3),
      questions: query.questions ?? [],
      answers,
    });
    answered++;
    socket.send(response, remote.port, remote.address);
  });
  await new Promise<void>((resolve, reject) => {
    socket.once("error", reject);
    socket.bind(port, "127.0.0.1", () => resolve());
  });
  const bound = (socket.address() as AddressInfo).port;
  return {
    address: `127.0.0.1:${bound}`,
    port: bound,
    setTxt: (name, values) => zone.set(name.toLowerCase(), values),
    setAddresses: (name, addresses) => addressZone.set(name.toLowerCase(), addresses),
    setCname: (name, target) => cnameZone.set(name.toLowerCase(), target.toLowerCase()),
    remove: (name) => zone.delete(name.toLowerCase()),
    removeRouting: (name) => {
      cnameZone.delete(name.toLowerCase());
      addressZone.delete(name.toLowerCase());
    },
    queries: () => answered,
    close: () => new Promise((resolve) => socket.close(() => resolve())),
  };
};
