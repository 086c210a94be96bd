/**
 * The test SMTP server the e2e run starts beside the API (the API's test support,
 * test/support/smtp-sink-cli.ts): the app sends its mail there, and a test reads what arrived
 * through the control port. Both ports are free ones chosen for each run (ports.ts).
 */
import { expect } from "@playwright/test";
import { e2ePorts } from "./ports.ts";

const { smtpControl: SMTP_CONTROL_PORT } = e2ePorts();

interface ReceivedMail {
  to: string[];
  subject: string;
  text: string;
  links: string[];
}

const mails = async (): Promise<ReceivedMail[]> => {
  const response = await fetch(`http://127.0.0.1:${SMTP_CONTROL_PORT}/mails`);
  if (!response.ok) throw new Error(`The test SMTP server answered ${response.status}`);
  return (await response.json()) as ReceivedMail[];
};

/**
 * The newest link starting with `path` in mail to `email` that was not seen before (the app
 * sends its outbox every few seconds, so this polls).
 */
export const linkMailedTo = async (email: string, path: string, seen: string[] = []) => {
  let found: string | undefined;
  await expect
    .poll(
      async () => {
        const links = (await mails())
          .filter((mail) => mail.to.includes(email.toLowerCase()))
          .flatMap((mail) => mail.links)
          .filter((link) => new URL(link).pathname === path && !seen.includes(link));
        found = links.at(-1);
        return found !== undefined;
      },
      { timeout: 30_000, intervals: [500] },
    )
    .toBe(true);
  return found ?? "";
};

/** The first mail to `email` whose text holds `needle`, once it has reached the test SMTP server. */
export const mailTo = async (email: string, needle: string) => {
  let found: ReceivedMail | undefined;
  await expect
    .poll(
      async () => {
        found = (await mails()).find(
          (mail) => mail.to.includes(email.toLowerCase()) && mail.text.includes(needle),
        );
        return found !== undefined;
      },
      { timeout: 30_000, intervals: [500] },
    )
    .toBe(true);
  return found as ReceivedMail;
};
