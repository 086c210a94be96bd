/** What a mail is about. People switch categories off, except SECURITY, which always goes. */
export const MAIL_CATEGORIES = ["SECURITY", "TEAM", "LICENSE", "USAGE", "SUPPORT"] as const;
export type MailCategory = (typeof MAIL_CATEGORIES)[number];

/** What people call each category. */
export const MAIL_CATEGORY_LABELS: Record<MailCategory, string> = {
  SECURITY: "Security",
  TEAM: "Team",
  LICENSE: "License",
  USAGE: "Usage",
  SUPPORT: "Support",
};

/** The categories a person may switch off (security mails are not among them). */
export const OPTIONAL_MAIL_CATEGORIES = MAIL_CATEGORIES.filter(
  (category): category is Exclude<MailCategory, "SECURITY"> => category !== "SECURITY",
);

/** Whether a mail of `category` goes to someone whose saved choice is `choice` (undefined: none saved). */
export const mailWanted = (category: MailCategory, choice: boolean | undefined): boolean =>
  category === "SECURITY" || choice !== false;

/** Waits before each retry: a minute, 5 min, 30 min, 2 h, 6 h; then the mail is given up. */
const MAIL_RETRY_DELAYS_SECONDS = [60, 300, 1800, 7200, 21_600] as const;

/**
 * When to try a mail again after its `attempts`-th failure, or null to give up. A permanent
 * refusal (an SMTP 5xx: no such mailbox, policy) is not retried: the answer will not change.
 */
export const nextMailAttempt = (attempts: number, now: Date, smtpCode: number | null): Date | null => {
  if (smtpCode !== null && smtpCode >= 500) return null;
  const delay = MAIL_RETRY_DELAYS_SECONDS[attempts - 1];
  return delay === undefined ? null : new Date(now.getTime() + delay * 1000);
};
