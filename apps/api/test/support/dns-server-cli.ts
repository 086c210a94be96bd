import { createServer } from "node:http";
import { startDnsServer } from "./dns-server.ts";

/**
 * The test DNS server as its own process, for the browser tests: DNS on DNS_PORT (UDP), and
 * an HTTP control port where a test sets a TXT record:
 *   PUT http://127.0.0.1:<CONTROL_PORT>/txt/<name>  body: ["value", …]
 *   GET http://127.0.0.1:<CONTROL_PORT>/healthz
 */
const dns = await startDnsServer(Number(process.env.DNS_PORT ?? 5399));
const control = createServer(async (req, res) => {
  const url = new URL(req.url ?? "/", "http://localhost");
  if (url.pathname === "/healthz") return res.end("ok");
  const name = url.pathname.startsWith("/txt/") ? decodeURIComponent(url.pathname.slice(5)) : null;
  if (!name || req.method !== "PUT") {
    res.writeHead(404);
    return res.end();
  }
  let body = "";
  for await (const chunk of req) body += chunk;
  const values = JSON.parse(body) as string[];
  dns.setTxt(name, values);
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
