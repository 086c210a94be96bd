/**
 * The test DNS server the e2e run starts beside the API (the API's test support,
 * test/support/dns-server-cli.ts): DNS over UDP on DNS_PORT, which the API resolves custom
 * domains with, and an HTTP control port where a test publishes TXT, CNAME and address records. Both ports are
 * free ones chosen for each run (ports.ts).
 */
import { e2ePorts } from "./ports.ts";

const { dns: DNS_PORT, dnsControl: DNS_CONTROL_PORT } = e2ePorts();

export { DNS_CONTROL_PORT, DNS_PORT };

const publish = async (kind: "txt" | "cname" | "addresses", name: string, body: string | string[]) => {
  const response = await fetch(`http://127.0.0.1:${DNS_CONTROL_PORT}/${kind}/${encodeURIComponent(name)}`, {
    method: "PUT",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`The test DNS server answered ${response.status}`);
};

/** Publish TXT records at `name`, as a customer would at their DNS provider. */
export const publishTxtRecord = (name: string, values: string[]) => publish("txt", name, values);

/** Point `name` at `target` with a CNAME. */
export const publishCname = (name: string, target: string) => publish("cname", name, target);

/** A and AAAA records at `name`. */
export const publishAddresses = (name: string, addresses: string[]) => publish("addresses", name, addresses);
