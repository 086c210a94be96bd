import { createServer } from "node:http";
import { startSmtpSink } from "./smtp-sink.ts";

/**
 * The test SMTP server as its own process, for the browser tests: SMTP on SMTP_PORT, which the
 * app sends its mail to, and an HTTP control port where a test reads what arrived:
 *   GET http://127.0.0.1:<CONTROL_PORT>/mails    → the received mails as JSON (to, subject, text, links …)
 *   GET http://127.0.0.1:<CONTROL_PORT>/healthz
 */
const sink = await startSmtpSink({ port: Number(process.env.SMTP_PORT ?? 2525) });
const control = createServer((req, res) => {
  const url = new URL(req.url ?? "/", "http://localhost");
  if (url.pathname === "/healthz") return res.end("ok");
  if (url.pathname !== "/mails" || req.method !== "GET") {
    res.writeHead(404);
    return res.end();
  }
  res.writeHead(200, { "Content-Type": "application/json" });
  res.end(JSON.stringify(sink.mails));
});
control.listen(Number(process.env.CONTROL_PORT ?? 2526), "127.0.0.1", () => {
  console.log(`test SMTP server on ${sink.url}, control on 127.0.0.1:${process.env.CONTROL_PORT ?? 2526}`);
});
const stop = async () => {
  control.close();
  await sink.close();
  process.exit(0);
};
process.on("SIGTERM", stop);
process.on("SIGINT", stop);
