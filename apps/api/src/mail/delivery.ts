import { randomUUID } from "node:crypto";
import { mailAttempts, mailOutbox, mailPreferences } from "@tessera/db/schema";
import { mailWanted, nextMailAttempt } from "@tessera/domain";
import { and, asc, eq, inArray, isNull, lt, lte, or } from "drizzle-orm";
import { randomToken, sha256 } from "../auth/tokens.ts";
import type { AppDeps } from "../context.ts";
import type { SendOutcome } from "./mailer.ts";
import type { RenderedMail } from "./render.tsx";

/** A sender holds what it claimed this long; a crashed one's claims go to the next. */
const LEASE_MS = 60_000;
const BATCH = 20;
export const UNSUBSCRIBE_PATH = "/mail/unsubscribe";

type MailRow = typeof mailOutbox.$inferSelect;

/** Claim due mails under a fresh lease (SKIP LOCKED: instances split the work, each mail once). */
const claimDue = async (deps: AppDeps, now: Date, leaseToken: string): Promise<MailRow[]> => {
  const due = deps.db
    .select({ id: mailOutbox.id })
    .from(mailOutbox)
    .where(
      and(
        eq(mailOutbox.status, "PENDING"),
        lte(mailOutbox.nextAttemptAt, now),
        or(isNull(mailOutbox.leaseUntil), lt(mailOutbox.leaseUntil, now)),
      ),
    )
    .orderBy(asc(mailOutbox.nextAttemptAt))
    .limit(BATCH)
    .for("update", { skipLocked: true });
  return deps.db
    .update(mailOutbox)
    .set({ leaseUntil: new Date(now.getTime() + LEASE_MS), leaseToken })
    .where(inArray(mailOutbox.id, due))
    .returning();
};

/** A notification to one of our users can be switched off from the mail itself. */
const unsubscribeLink = (deps: AppDeps, mail: MailRow) => {
  if (!mail.userId || mail.category === "SECURITY") return null;
  const token = randomToken();
  return {
    tokenHash: sha256(token),
    url: new URL(`${UNSUBSCRIBE_PATH}?token=${token}`, deps.mailer.baseUrl).href,
  };
};

/** The recipient switched this category off after the mail was queued. */
const unwanted = async (deps: AppDeps, mail: MailRow) => {
  if (!mail.userId) return false;
  const [choice] = await deps.db
    .select({ email: mailPreferences.email })
    .from(mailPreferences)
    .where(and(eq(mailPreferences.userId, mail.userId), eq(mailPreferences.category, mail.category)));
  return !mailWanted(mail.category, choice?.email);
};

type Attempt = { rendered: RenderedMail | null; outcome: SendOutcome; unsubscribeTokenHash: string | null };

const attempt = async (deps: AppDeps, mail: MailRow): Promise<Attempt> => {
  const unsubscribe = unsubscribeLink(deps, mail);
  let rendered: RenderedMail;
  try {
    // React Email and its components cost ~0.5 s and ~40 MiB to load: only a sender pays it.
    const { mailBrand, renderMail } = await import("./render.tsx");
    const ctx = { db: deps.db, clock: deps.clock, actor: null, ip: null };
    const brand = await mailBrand(ctx, mail.organizationId, deps.mailer.baseUrl);
    rendered = await renderMail(mail, brand, deps.mailer.baseUrl, unsubscribe?.url ?? null);
    const outcome = await deps.mailer.send({
      from: `"${brand.companyName.replaceAll('"', "'")}" <${deps.config.MAIL_FROM}>`,
      to: mail.toAddress,
      subject: rendered.subject,
      html: rendered.html,
      text: rendered.text,
      headers: unsubscribe
        ? {
            "List-Unsubscribe": `<${unsubscribe.url}>`,
            "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
          }
        : {},
    });
    return { rendered, outcome, unsubscribeTokenHash: unsubscribe?.tokenHash ?? null };
  } catch (error) {
    // A template that cannot render this data will not render it next time either.
    const response = `could not render: ${error instanceof Error ? error.message : String(error)}`;
    return { rendered: null, outcome: { ok: false, smtpCode: 554, response }, unsubscribeTokenHash: null };
  }
};

/** Record the attempt; SENT, a retry with backoff, or DEAD — only while our lease holds. */
const close = (deps: AppDeps, leaseToken: string, mail: MailRow, startedAt: Date, result: Attempt) => {
  const finishedAt = deps.clock.now();
  const number = mail.attempts + 1;
  const { outcome, rendered } = result;
  const retryAt = outcome.ok ? null : nextMailAttempt(number, finishedAt, outcome.smtpCode);
  // Over real SMTP a one-time link is the recipient's alone: keep no usable copy of it.
  const forget = outcome.ok && rendered?.carriesSecret && deps.mailer.mode === "smtp";
  return deps.db.transaction(async (tx) => {
    const [closed] = await tx
      .update(mailOutbox)
      .set({
        attempts: number,
        status: outcome.ok ? "SENT" : retryAt ? "PENDING" : "DEAD",
        nextAttemptAt: retryAt ?? mail.nextAttemptAt,
        sentAt: outcome.ok ? finishedAt : null,
        messageId: outcome.ok ? outcome.messageId : null,
        lastError: outcome.ok ? null : outcome.response,
        subject: rendered?.subject ?? mail.subject,
        html: forget ? null : (rendered?.html ?? null),
        textBody: forget ? null : (rendered?.text ?? null),
        data: forget ? {} : mail.data,
        unsubscribeTokenHash: result.unsubscribeTokenHash ?? mail.unsubscribeTokenHash,
        leaseUntil: null,
        leaseToken: null,
        updatedAt: finishedAt,
      })
      .where(and(eq(mailOutbox.id, mail.id), eq(mailOutbox.leaseToken, leaseToken)))
      .returning({ id: mailOutbox.id });
    if (!closed) return; // our lease ran out and another sender owns it now
    await tx.insert(mailAttempts).values({
      mailId: mail.id,
      attempt: number,
      startedAt,
      durationMs: finishedAt.getTime() - startedAt.getTime(),
      ok: outcome.ok,
      response: outcome.response,
    });
  });
};

/**
 * The mail-delivery job: claim what is due, skip what the recipient no longer wants, render
 * in the organisation's branding, send over SMTP, record each attempt with the server's
 * answer, retry with backoff (a permanent 5xx refusal is not retried).
 */
export const runMailDelivery = async (deps: AppDeps, now: Date) => {
  const leaseToken = randomUUID();
  const claimed = await claimDue(deps, now, leaseToken);
  let sent = 0;
  for (const mail of claimed) {
    if (await unwanted(deps, mail)) {
      await deps.db
        .update(mailOutbox)
        .set({ status: "SKIPPED", leaseUntil: null, leaseToken: null, updatedAt: deps.clock.now() })
        .where(and(eq(mailOutbox.id, mail.id), eq(mailOutbox.leaseToken, leaseToken)));
      continue;
    }
    const startedAt = deps.clock.now();
    const result = await attempt(deps, mail);
    await close(deps, leaseToken, mail, startedAt, result);
    if (result.outcome.ok) sent++;
  }
  return { attempted: claimed.length, sent };
};
