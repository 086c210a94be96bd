import type { Executor } from "@tessera/db";
import { mailOutbox, mailPreferences } from "@tessera/db/schema";
import { type MailCategory, mailWanted } from "@tessera/domain";
import { type SQL, sql } from "drizzle-orm";
import { allRows, renderedOnce } from "../raw-rows.ts";
import type { MailData, MailTemplateName } from "./templates/index.ts";

export interface Recipient {
  email: string;
  /** Our user, when the mail goes to one: their preferences apply and they can unsubscribe. */
  userId?: string | null;
}

interface MailToQueue<Name extends MailTemplateName> {
  template: Name;
  data: MailData<Name>;
  /** Whose branding the mail wears, and whose mail it is. */
  organizationId: string | null;
  category: MailCategory;
  /**
   * Makes the mail happen once per recipient however often it is queued (an alert at a
   * threshold, a reminder at a day): the recipient's address is appended.
   */
  dedupeKey?: string;
}

/**
 * Whether a recipient with `saved` (their stored choice for the category, null when none)
 * wants the mail, in SQL: `mailWanted`'s answer for each of the three cases, so the rule
 * stays in the domain and the statement only looks the choice up.
 */
const wantedSql = (category: MailCategory, saved: SQL) => sql`case
    when ${saved} is null then ${mailWanted(category, undefined)}::boolean
    when ${saved} then ${mailWanted(category, true)}::boolean
    else ${mailWanted(category, false)}::boolean end`;

/**
 * The outbox insert of `mail` to `recipients` (a select of `user_id`, `email`, one row per
 * address), one row per recipient who wants this category (security mails go regardless):
 * their saved choices are looked up as the rows are inserted. `dataFromSource` merges values
 * only the surrounding statement knows into the data.
 */
const OUTBOX_COLUMNS =
  renderedOnce(sql`insert into ${mailOutbox} (organization_id, user_id, to_address, category,
    template, data, dedupe_key, next_attempt_at, created_at, updated_at)`);
const PREFERENCES = renderedOnce(
  sql`left join ${mailPreferences} p on p.user_id = r.user_id and p.category =`,
);

const outboxInsert = <Name extends MailTemplateName>(
  now: Date,
  mail: MailToQueue<Name>,
  recipients: SQL,
  dataFromSource: SQL = sql`'{}'::jsonb`,
) => {
  const at = sql`${now.toISOString()}::timestamptz`;
  return sql`${OUTBOX_COLUMNS}
    select ${mail.organizationId}::uuid, r.user_id, r.email, ${mail.category}::mail_category, ${mail.template}::text,
      ${JSON.stringify(mail.data)}::jsonb || ${dataFromSource}, ${mail.dedupeKey ?? null}::text || ':' || lower(r.email),
      ${at}, ${at}, ${at}
    from (${recipients}) as r(user_id, email)
    ${PREFERENCES} ${mail.category}::mail_category
    where ${wantedSql(mail.category, sql`p.email`)}
    on conflict (dedupe_key) do nothing`;
};

/**
 * Put a mail in the outbox inside the caller's transaction, in one statement (see
 * outboxInsert). The mail-delivery job renders and sends it. Never calls the network: a
 * rollback takes the mail with it.
 */
export const queueMail = async <Name extends MailTemplateName>(
  executor: Executor,
  now: Date,
  mail: MailToQueue<Name> & { to: Recipient[] },
): Promise<number> => {
  const unique = [
    ...new Map(mail.to.map((recipient) => [recipient.email.toLowerCase(), recipient])).values(),
  ];
  if (unique.length === 0) return 0;
  const recipients = JSON.stringify(
    unique.map((recipient) => ({ user_id: recipient.userId ?? null, email: recipient.email })),
  );
  const listed = sql`select user_id, email from jsonb_to_recordset(${recipients}::jsonb) as x(user_id uuid, email text)`;
  return allRows(await executor.execute(sql`${outboxInsert(now, mail, listed)} returning id`)).length;
};

/**
 * The same mail as the CTE `mailed` of a statement whose other CTEs choose the recipients:
 * a service that writes its change in one statement queues the mail in it too (as
 * auditInStatement does for the audit row). `recipients` must name each address once.
 */
export const queueMailInStatement = <Name extends MailTemplateName>(
  now: Date,
  mail: MailToQueue<Name>,
  recipients: SQL,
  dataFromSource?: SQL,
) => sql`mailed as (${outboxInsert(now, mail, recipients, dataFromSource)})`;
