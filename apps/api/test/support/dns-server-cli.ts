import { createServer } from "node:http";
import { startDnsServer } from "./dns-server.ts";

/**
 * The test DNS server as its own process, for the browser tests: DNS on DNS_PORT (UDP), and
 * an HTTP control port where a test sets records:
 *   PUT http://127.0.0.1:<CONTROL_PORT>/txt/<name>        body: ["value", …]
 *   PUT http://127.0.0.1:<CONTROL_PORT>/cname/<name>      body: "target"
 *   PUT http://127.0.0.1:<CONTROL_PORT>/addresses/<name>  body: ["192.0.2.10", "2001:db8::10", …]
 *   GET http://127.0.0.1:<CONTROL_PORT>/healthz
 */
const dns = await startDnsServer(Number(process.env.DNS_PORT ?? 5399));
const control = createServer(async (req, res) => {
  const url = new URL(req.url ?? "/", "http://localhost");
  if (url.pathname === "/healthz") return res.end("ok");
  const [, kind, encoded] = url.pathname.split("/");
  if (!["txt", "cname", "addresses"].includes(kind ?? "") || !encoded || req.method !== "PUT") {
    res.writeHead(404);
    return res.end();
  }
  const name = decodeURIComponent(encoded);
  let body = "";
  for await (const chunk of req) body += chunk;
  const value = JSON.parse(body) as string | string[];
  if (kind === "cname") dns.setCname(name, String(value));
  else if (kind === "addresses") dns.setAddresses(name, [value].flat());
  else dns.setTxt(name, [value].flat());
  res.writeHead(204);
  res.end();
});
control.listen(Number(process.env.CONTROL_PORT ?? 5398), "127.0.0.1", () => {
  console.log(`test DNS server on ${dns.address}, control on 127.0.0.1:${process.env.CONTROL_PORT ?? 5398}`);
});
const stop = async () => {
  control.close();
  await dns.close();
  process.exit(0);
};
process.on("SIGTERM", stop);
process.on("SIGINT", stop);
