import { subscribe, unsubscribe } from "node:diagnostics_channel";
import { createServer, type Server } from "node:http";
import type { AddressInfo, Socket } from "node:net";
import { fetch as undiciFetch } from "undici";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createEgress, egressRefusal, type ResolveAll } from "../src/egress/outbound-client.ts";
import { startDnsServer } from "./support/dns-server.ts";

/**
 * The outbound-address policy against real sockets: a loopback HTTP server stands for
 * "inside our network", and a resolver whose answer flips between lookups stands for a
 * rebinding attacker's DNS. Nothing here may leave this machine: a guard destroys any test
 * socket whose lookup answered something other than loopback before it connects.
 */
const PUBLIC = "93.184.215.14";
let inside: Server;
let port = 0;
let connections = 0;

const guard = (message: unknown) => {
  const { socket } = message as { socket: Socket };
  socket.once("lookup", (_error: unknown, address: unknown) => {
    const addresses = Array.isArray(address) ? address.map((entry) => entry.address) : [address];
    if (addresses.some((entry) => entry !== "127.0.0.1"))
      socket.destroy(new Error("test guard: not leaving"));
  });
};

beforeAll(async () => {
  inside = createServer((req, res) => {
    if (req.url === "/elsewhere") res.writeHead(302, { location: "http://127.0.0.1:1/" });
    res.end("inside");
  });
  inside.on("connection", () => connections++);
  await new Promise<void>((resolve) => inside.listen(0, "127.0.0.1", resolve));
  port = (inside.address() as AddressInfo).port;
  subscribe("net.client.socket", guard);
});
afterAll(async () => {
  unsubscribe("net.client.socket", guard);
  await new Promise<void>((resolve) => inside.close(() => resolve()));
});
beforeEach(() => {
  connections = 0;
});

/** Answers `answers[n]` to the n-th lookup (the last one from then on), counting lookups. */
const flipping = (...answers: string[]) => {
  const resolver = Object.assign(
    ((_hostname, callback) => {
      const address = answers[Math.min(resolver.lookups, answers.length - 1)] ?? "127.0.0.1";
      resolver.lookups++;
      callback(null, [{ address, family: address.includes(":") ? 6 : 4 }]);
    }) as ResolveAll,
    { lookups: 0 },
  );
  return resolver;
};

const failure = async (request: Promise<unknown>) => {
  try {
    await request;
  } catch (error) {
    return error;
  }
  throw new Error("the request was sent");
};

describe("outbound requests", () => {
  it("a name that answers a public address, then 127.0.0.1, cannot reach loopback: one lookup per connection, the vetted answer used", async () => {
    const resolver = flipping(PUBLIC, "127.0.0.1");
    const egress = createEgress({ ALLOW_INSECURE_LOOPBACK: false, DNS_RESOLVER: undefined }, resolver);
    try {
      // plain http at the connection pool, so the test's guard can stop the public connection
      const error = await failure(
        undiciFetch(`http://rebind.test:${port}/`, { dispatcher: egress.dispatcher }),
      );
      expect(String((error as { cause?: unknown }).cause)).toMatch(/test guard/);
      expect(resolver.lookups).toBe(1);
      expect(connections).toBe(0);
    } finally {
      await egress.close();
    }
  });

  it("a name that answers loopback is refused before any connection, naming the address", async () => {
    const egress = createEgress(
      { ALLOW_INSECURE_LOOPBACK: false, DNS_RESOLVER: undefined },
      flipping("127.0.0.1"),
    );
    try {
      const error = await failure(egress.fetch(`https://inside.test:${port}/`));
      expect(egressRefusal(error)?.message).toBe(
        "inside.test resolves to 127.0.0.1, loopback: not a public address",
      );
      expect(connections).toBe(0);
    } finally {
      await egress.close();
    }
  });

  it.each([
    ["127.0.0.1", "loopback"],
    ["[::1]", "loopback"],
    ["[::ffff:127.0.0.1]", "loopback"],
    ["0.0.0.0", "unspecified"],
  ])("a literal %s is refused without a lookup (%s)", async (host, why) => {
    const resolver = flipping(PUBLIC);
    const egress = createEgress({ ALLOW_INSECURE_LOOPBACK: false, DNS_RESOLVER: undefined }, resolver);
    try {
      const reason = new RegExp(`is ${why}: not a public address$`);
      // through the egress fetch, on a port fetch itself would refuse ("bad port") too …
      expect(egressRefusal(await failure(egress.fetch(`https://${host}:${port}/`)))?.message).toMatch(reason);
      expect(egressRefusal(await failure(egress.fetch(`https://${host}:9/`)))?.message).toMatch(reason);
      // … and at the connection pool, for any client handed the dispatcher
      const pooled = await failure(
        undiciFetch(`https://${host}:${port}/`, { dispatcher: egress.dispatcher }),
      );
      expect(egressRefusal(pooled)?.message).toMatch(reason);
      expect(resolver.lookups).toBe(0);
      expect(connections).toBe(0);
    } finally {
      await egress.close();
    }
  });

  it("plain http is refused", async () => {
    const egress = createEgress(
      { ALLOW_INSECURE_LOOPBACK: false, DNS_RESOLVER: undefined },
      flipping(PUBLIC),
    );
    try {
      const error = await failure(egress.fetch(`http://hooks.test:${port}/`));
      expect(egressRefusal(error)?.message).toBe("only https:// URLs may be called, not http:");
      expect(connections).toBe(0);
    } finally {
      await egress.close();
    }
  });

  it("with ALLOW_INSECURE_LOOPBACK, http to loopback works (development and tests); redirects are not followed", async () => {
    const resolver = flipping("127.0.0.1");
    const egress = createEgress({ ALLOW_INSECURE_LOOPBACK: true, DNS_RESOLVER: undefined }, resolver);
    try {
      const response = await egress.fetch(`http://dev.test:${port}/`);
      expect(await response.text()).toBe("inside");
      expect(resolver.lookups).toBe(1);
      // a redirect is handed back, never followed to wherever it points
      expect((await egress.fetch(`http://dev.test:${port}/elsewhere`)).status).toBe(302);
    } finally {
      await egress.close();
    }
  });

  it("with DNS_RESOLVER, names are resolved by those servers and their answers vetted the same way", async () => {
    const dns = await startDnsServer();
    const egress = createEgress({ ALLOW_INSECURE_LOOPBACK: false, DNS_RESOLVER: [dns.address] });
    try {
      dns.setAddresses("inside.rebind.test", ["127.0.0.1", "::1"]);
      const refused = await failure(egress.fetch(`https://inside.rebind.test:${port}/`));
      expect(egressRefusal(refused)?.message).toBe(
        "inside.rebind.test resolves to 127.0.0.1, loopback: not a public address",
      );
      const unknown = await failure(egress.fetch(`https://nowhere.rebind.test:${port}/`));
      expect(egressRefusal(unknown)).toBeNull();
      expect(String((unknown as { cause?: { code?: string } }).cause?.code)).toBe("ENOTFOUND");
      expect(connections).toBe(0);
    } finally {
      await egress.close();
      await dns.close();
    }
  });
});
