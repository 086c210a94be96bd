import { createSocket } from "node:dgram";
import type { AddressInfo } from "node:net";
import * as dnsPacket from "dns-packet";

/**
 * A real DNS server on 127.0.0.1 for the tests: answers TXT, A and AAAA queries over UDP from
 * an in-memory zone, NXDOMAIN for names it does not hold. The API's resolver (DNS_RESOLVER)
 * talks to it exactly as it would to any server.
 */
export interface TestDnsServer {
  /** `127.0.0.1:<port>`, for DNS_RESOLVER. */
  address: string;
  port: number;
  setTxt(name: string, values: string[]): void;
  /** A and AAAA answers for `name` (IPv4 and IPv6 addresses), with a TTL of 0. */
  setAddresses(name: string, addresses: string[]): void;
  remove(name: string): void;
  /** How many queries it has answered. */
  queries(): number;
  close(): Promise<void>;
}

export const startDnsServer = async (port = 0): Promise<TestDnsServer> => {
  const zone = new Map<string, string[]>();
  const addressZone = new Map<string, string[]>();
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
    const addresses = addressZone.get(name);
    const answers: dnsPacket.Answer[] =
      question && values && question.type === "TXT"
        ? values.map((value) => ({ type: "TXT", name: question.name, ttl: 1, data: value }))
        : question && addresses && (question.type === "A" || question.type === "AAAA")
          ? addresses
              .filter((address) => address.includes(":") === (question.type === "AAAA"))
              .map((address) => ({ type: question.type as "A", name: question.name, ttl: 0, data: address }))
          : [];
    const response = dnsPacket.encode({
      id: query.id,
      type: "response",
      // NXDOMAIN (rcode 3) when the name is unknown; NOERROR with no answers for other types.
      flags: dnsPacket.RECURSION_DESIRED | dnsPacket.RECURSION_AVAILABLE | (values || addresses ? 0 : 3),
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
    remove: (name) => zone.delete(name.toLowerCase()),
    queries: () => answered,
    close: () => new Promise((resolve) => socket.close(() => resolve())),
  };
};
