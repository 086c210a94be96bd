import { execFileSync } from "node:child_process";

/**
 * The ports one browser-test run uses: the app's, and the test DNS server's UDP and control
 * ports. Fixed numbers made two runs on one machine collide, so the first process that loads
 * the Playwright config (the runner) asks the system for free ones and puts them in its
 * environment; the web servers it starts and the workers it forks inherit that environment,
 * so every process of one run agrees on the same ports.
 */
export type E2ePorts = { app: number; dns: number; dnsControl: number };

const ENV = { app: "E2E_APP_PORT", dns: "E2E_DNS_PORT", dnsControl: "E2E_DNS_CONTROL_PORT" } as const;

// Config loading is synchronous and a listening socket answers only in a callback, so a
// child node binds port 0 (TCP for the HTTP servers, UDP for DNS), prints what the system
// chose and exits, which frees the ports for the servers started right after.
const PROBE = `
const net = require("node:net"), dgram = require("node:dgram");
const tcp = () => new Promise((ok, fail) => { const s = net.createServer(); s.once("error", fail);
  s.listen(0, "127.0.0.1", () => { const p = s.address().port; s.close(() => ok(p)); }); });
const udp = () => new Promise((ok, fail) => { const s = dgram.createSocket("udp4"); s.once("error", fail);
  s.bind(0, "127.0.0.1", () => { const p = s.address().port; s.close(() => ok(p)); }); });
Promise.all([tcp(), udp(), tcp()]).then((p) => process.stdout.write(JSON.stringify(p)));
`;

const fromEnvironment = (): E2ePorts | null => {
  const app = Number(process.env[ENV.app]);
  const dns = Number(process.env[ENV.dns]);
  const dnsControl = Number(process.env[ENV.dnsControl]);
  return app > 0 && dns > 0 && dnsControl > 0 ? { app, dns, dnsControl } : null;
};

const probeFreePorts = (): E2ePorts => {
  const [app, dns, dnsControl] = JSON.parse(
    execFileSync(process.execPath, ["-e", PROBE], { encoding: "utf8" }),
  ) as [number, number, number];
  return { app, dns, dnsControl };
};

/** This run's ports: inherited from the runner, or chosen now (and handed down) when first asked. */
export const e2ePorts = (): E2ePorts => {
  const inherited = fromEnvironment();
  if (inherited) return inherited;
  const chosen = probeFreePorts();
  process.env[ENV.app] = String(chosen.app);
  process.env[ENV.dns] = String(chosen.dns);
  process.env[ENV.dnsControl] = String(chosen.dnsControl);
  return chosen;
};
