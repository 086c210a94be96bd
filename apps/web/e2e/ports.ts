import { execFileSync } from "node:child_process";

/**
 * The ports one browser-test run uses: the app's, the test DNS server's UDP and control
 * ports, the test SMTP server's and its control port, and the test SAML identity provider's. Fixed numbers made two runs on one machine collide, so the first process that loads
 * the Playwright config (the runner) asks the system for free ones and puts them in its
 * environment; the web servers it starts and the workers it forks inherit that environment,
 * so every process of one run agrees on the same ports.
 */
export type E2ePorts = {
  app: number;
  dns: number;
  dnsControl: number;
  smtp: number;
  smtpControl: number;
  samlIdp: number;
};

const ENV = {
  app: "E2E_APP_PORT",
  dns: "E2E_DNS_PORT",
  dnsControl: "E2E_DNS_CONTROL_PORT",
  smtp: "E2E_SMTP_PORT",
  smtpControl: "E2E_SMTP_CONTROL_PORT",
  samlIdp: "E2E_SAML_IDP_PORT",
} as const;

// Config loading is synchronous and a listening socket answers only in a callback, so a
// child node binds port 0 (TCP for the HTTP servers, UDP for DNS), prints what the system
// chose and exits, which frees the ports for the servers started right after.
const PROBE = `
const net = require("node:net"), dgram = require("node:dgram");
const tcp = () => new Promise((ok, fail) => { const s = net.createServer(); s.once("error", fail);
  s.listen(0, "127.0.0.1", () => { const p = s.address().port; s.close(() => ok(p)); }); });
const udp = () => new Promise((ok, fail) => { const s = dgram.createSocket("udp4"); s.once("error", fail);
  s.bind(0, "127.0.0.1", () => { const p = s.address().port; s.close(() => ok(p)); }); });
Promise.all([tcp(), udp(), tcp(), tcp(), tcp(), tcp()]).then((p) => process.stdout.write(JSON.stringify(p)));
`;

const fromEnvironment = (): E2ePorts | null => {
  const ports = Object.fromEntries(
    Object.entries(ENV).map(([name, variable]) => [name, Number(process.env[variable])]),
  ) as E2ePorts;
  return Object.values(ports).every((port) => port > 0) ? ports : null;
};

const probeFreePorts = (): E2ePorts => {
  const [app, dns, dnsControl, smtp, smtpControl, samlIdp] = JSON.parse(
    execFileSync(process.execPath, ["-e", PROBE], { encoding: "utf8" }),
  ) as [number, number, number, number, number, number];
  return { app, dns, dnsControl, smtp, smtpControl, samlIdp };
};

/** This run's ports: inherited from the runner, or chosen now (and handed down) when first asked. */
export const e2ePorts = (): E2ePorts => {
  const inherited = fromEnvironment();
  if (inherited) return inherited;
  const chosen = probeFreePorts();
  for (const [name, variable] of Object.entries(ENV)) {
    process.env[variable] = String(chosen[name as keyof E2ePorts]);
  }
  return chosen;
};
