import type { AddressInfo } from "node:net";
import { simpleParser } from "mailparser";
import { SMTPServer } from "smtp-server";

export interface ReceivedMail {
  from: string;
  /** The envelope's recipients (RCPT TO), lower-cased. */
  to: string[];
  subject: string;
  text: string;
  html: string;
  /** Header lines as sent (`List-Unsubscribe: <…>`), unfolded. */
  headerLines: string[];
  /** Every http(s) link in the HTML, in order. */
  links: string[];
}

export interface SmtpSink {
  url: string;
  mails: ReceivedMail[];
  /** The first mail (already arrived or arriving within `timeoutMs`) that matches. */
  waitFor(match: (mail: ReceivedMail) => boolean, timeoutMs?: number): Promise<ReceivedMail>;
  close(): Promise<void>;
}

const linksOf = (html: string) =>
  [...html.matchAll(/href="(https?:[^"]+)"/g)].map((found) => (found[1] ?? "").replaceAll("&amp;", "&"));

/**
 * A real SMTP server on a free loopback port, as a mail provider would be: it takes mail over
 * the wire, parses it with mailparser and keeps it for the test to read. `refuse` answers
 * chosen recipients with a permanent 550, as a server does for a mailbox that does not exist.
 */
export const startSmtpSink = async (
  options: { refuse?: (address: string) => boolean; port?: number } = {},
): Promise<SmtpSink> => {
  const mails: ReceivedMail[] = [];
  const waiters = new Set<() => void>();
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS", "AUTH"],
    logger: false,
    onRcptTo(address, _session, callback) {
      if (options.refuse?.(address.address.toLowerCase())) {
        const refusal = Object.assign(new Error("5.1.1 No such mailbox here"), { responseCode: 550 });
        return callback(refusal);
      }
      callback();
    },
    onData(stream, session, callback) {
      simpleParser(stream)
        .then((parsed) => {
          const html = typeof parsed.html === "string" ? parsed.html : "";
          mails.push({
            from: parsed.from?.text ?? "",
            to: session.envelope.rcptTo.map((rcpt) => rcpt.address.toLowerCase()),
            subject: parsed.subject ?? "",
            text: parsed.text ?? "",
            html,
            headerLines: parsed.headerLines.map((header) => header.line.replace(/\r?\n\s+/g, " ")),
            links: linksOf(html),
          });
          for (const wake of waiters) wake();
          callback();
        })
        .catch(callback);
    },
  });
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, "127.0.0.1", () => resolve()));
  const { port } = server.server.address() as AddressInfo;
  return {
    url: `smtp://127.0.0.1:${port}`,
    mails,
    waitFor: (match, timeoutMs = 5000) =>
      new Promise((resolve, reject) => {
        const check = () => {
          const found = mails.find(match);
          if (!found) return false;
          waiters.delete(check);
          clearTimeout(timer);
          resolve(found);
          return true;
        };
        const timer = setTimeout(() => {
          waiters.delete(check);
          reject(
            new Error(
              `no matching mail within ${timeoutMs} ms; got: ${mails.map((mail) => `${mail.to} «${mail.subject}»`).join(", ")}`,
            ),
          );
        }, timeoutMs);
        if (!check()) waiters.add(check);
      }),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
};
