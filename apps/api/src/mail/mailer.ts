import type { AddressInfo } from "node:net";
import type { Transporter } from "nodemailer";
import type { Config } from "../config.ts";

interface OutgoingMail {
  from: string;
  to: string;
  subject: string;
  html: string;
  text: string;
  headers: Record<string, string>;
}

/** What the SMTP server said: accepted with its reply, or refused with its code (null: no answer). */
export type SendOutcome =
  | { ok: true; messageId: string; response: string }
  | { ok: false; smtpCode: number | null; response: string };

export interface Mailer {
  /** `smtp`: SMTP_URL's server. `development`: the in-process mailbox (no mail leaves the machine). */
  readonly mode: "smtp" | "development";
  /** Where links in mails point: PUBLIC_URL, else the address the server listens on. */
  baseUrl: string;
  send(mail: OutgoingMail): Promise<SendOutcome>;
  close(): Promise<void>;
}

/**
 * The development mailbox: a real SMTP listener on loopback inside this process that accepts
 * every mail and keeps nothing (the outbox row keeps the rendering, shown on "Sent email"), so
 * `pnpm start` exercises the whole SMTP path with no setup.
 */
const startDevelopmentMailbox = async () => {
  const { SMTPServer } = await import("smtp-server");
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS", "AUTH"],
    logger: false,
    onData(stream, _session, callback) {
      stream.on("end", () => callback());
      stream.resume();
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => resolve());
  });
  const { port } = server.server.address() as AddressInfo;
  return {
    url: `smtp://127.0.0.1:${port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
};

const describeFailure = (error: unknown): SendOutcome => {
  const failure = error as { responseCode?: number; response?: string; code?: string; message?: string };
  return {
    ok: false,
    smtpCode: failure.responseCode ?? null,
    response: (failure.response ?? `${failure.code ?? "ERROR"}: ${failure.message ?? String(error)}`).slice(
      0,
      500,
    ),
  };
};

/** nodemailer over SMTP_URL, or over the development mailbox started on first use. */
export const createMailer = (config: Pick<Config, "SMTP_URL" | "PUBLIC_URL" | "HOST" | "PORT">): Mailer => {
  let mailbox: Awaited<ReturnType<typeof startDevelopmentMailbox>> | null = null;
  let transport: Promise<Transporter> | null = null;
  // nodemailer and smtp-server load on the first send, not at every start.
  const open = async () => {
    const { createTransport } = await import("nodemailer");
    if (config.SMTP_URL) return createTransport(config.SMTP_URL);
    mailbox = await startDevelopmentMailbox();
    return createTransport(mailbox.url);
  };
  return {
    mode: config.SMTP_URL ? "smtp" : "development",
    baseUrl: config.PUBLIC_URL ?? `http://${config.HOST}:${config.PORT}`,
    async send(mail) {
      transport ??= open();
      try {
        const info = await (await transport).sendMail(mail);
        return { ok: true, messageId: info.messageId, response: String(info.response).slice(0, 500) };
      } catch (error) {
        return describeFailure(error);
      }
    },
    async close() {
      if (transport) (await transport.catch(() => null))?.close();
      await mailbox?.close();
    },
  };
};
