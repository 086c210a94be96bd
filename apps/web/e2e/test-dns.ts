/**
 * The test DNS server the e2e run starts beside the API (the API's test support,
 * test/support/dns-server-cli.ts): DNS over UDP on DNS_PORT, which the API resolves custom
 * domains with, and an HTTP control port where a test publishes TXT records. Both ports are
 * free ones chosen for each run (ports.ts).
 */
import { e2ePorts } from "./ports.ts";

const { dns: DNS_PORT, dnsControl: DNS_CONTROL_PORT } = e2ePorts();

export { DNS_CONTROL_PORT, DNS_PORT };

/** Publish TXT records at `name`, as a customer would at their DNS provider. */
export const publishTxtRecord = async (name: string, values: string[]) => {
  const response = await fetch(`http://127.0.0.1:${DNS_CONTROL_PORT}/txt/${encodeURIComponent(name)}`, {
    method: "PUT",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify(values),
  });
  if (!response.ok) throw new Error(`The test DNS server answered ${response.status}`);
};
