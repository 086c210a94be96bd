import { ReplyInput } from "@tessera/domain";
import { type FormEvent, useId, useState } from "react";
import { Alert } from "./alert.tsx";
import { AttachmentList, type ThreadAttachment } from "./attachment-list.tsx";
import { AttachmentPicker } from "./attachment-picker.tsx";
import { Badge } from "./badge.tsx";
import { Button } from "./button.tsx";
import { Card } from "./card.tsx";
import { cx } from "./class-names.ts";
import { ErrorAlert } from "./error-alert.tsx";
import { Field } from "./field.tsx";
import { formatDate } from "./format-date.ts";
import { LinkedText } from "./linked-text.tsx";
import { useAttachmentUploads } from "./use-attachment-uploads.ts";
import { useSchemaForm } from "./use-form.ts";

export interface ThreadMessage {
  id: string;
  authorKind: string;
  authorLabel: string;
  /** The writer's name when a person wrote it: shown instead of their address. */
  authorName?: string | null;
  body: string;
  internal: boolean;
  createdAt: Date;
}

/** `user:ann@example.com` → `ann@example.com`; keys and the system keep their label. */
const authorName = (label: string) => label.replace(/^user:/, "");

/**
 * A ticket's description and its thread, oldest first. Internal notes (staff only) are
 * set apart by colour, border and a label, so nobody mistakes them for replies.
 */
export const TicketThread = ({
  description,
  requester,
  createdAt,
  messages,
  attachments = [],
}: {
  description: string;
  requester: string;
  createdAt: Date;
  messages: ThreadMessage[];
  /** Files under the description (messageId null) and under their messages. */
  attachments?: ThreadAttachment[];
}) => (
  <Card title="Conversation">
    <ol className="space-y-4" aria-label="Thread">
      <li className="rounded-md border border-slate-200 dark:border-slate-700 bg-white dark:bg-slate-900 p-4">
        <MessageHeader author={authorName(requester)} kind="CUSTOMER" createdAt={createdAt} extra="opened" />
        <p className="mt-2 whitespace-pre-wrap break-words text-sm text-slate-800 dark:text-slate-200">
          <LinkedText text={description} />
        </p>
        <AttachmentList attachments={attachments.filter((file) => file.messageId === null)} />
      </li>
      {messages.map((message) => (
        <li
          key={message.id}
          data-internal={message.internal || undefined}
          className={cx(
            "rounded-md border p-4",
            message.internal
              ? "border-dashed border-amber-400 bg-amber-50 dark:bg-amber-950"
              : message.authorKind === "STAFF"
                ? "border-indigo-200 dark:border-indigo-800 bg-indigo-50 dark:bg-indigo-950"
                : "border-slate-200 dark:border-slate-700 bg-white dark:bg-slate-900",
          )}
        >
          <MessageHeader
            author={message.authorName ?? authorName(message.authorLabel)}
            kind={message.authorKind}
            createdAt={message.createdAt}
            internal={message.internal}
          />
          <p className="mt-2 whitespace-pre-wrap break-words text-sm text-slate-800 dark:text-slate-200">
            <LinkedText text={message.body} />
          </p>
          <AttachmentList attachments={attachments.filter((file) => file.messageId === message.id)} />
        </li>
      ))}
    </ol>
    {messages.length === 0 && (
      <p className="mt-4 text-sm text-slate-600 dark:text-slate-300">No replies yet.</p>
    )}
  </Card>
);

const MessageHeader = ({
  author,
  kind,
  createdAt,
  internal,
  extra,
}: {
  author: string;
  kind: string;
  createdAt: Date;
  internal?: boolean;
  extra?: string;
}) => (
  <div className="flex flex-wrap items-center gap-2 text-xs text-slate-600 dark:text-slate-300">
    <span className="font-medium text-slate-900 dark:text-slate-100">{author}</span>
    <Badge tone={kind === "STAFF" ? "blue" : "slate"}>
      {kind === "STAFF" ? "Support" : kind === "SYSTEM" ? "System" : "Customer"}
    </Badge>
    {internal && <Badge tone="amber">Internal note</Badge>}
    {extra && <span>{extra}</span>}
    <time dateTime={new Date(createdAt).toISOString()}>{formatDate(createdAt)}</time>
  </div>
);

/**
 * The reply form, checked with the API's `ReplyInput`. Staff may write an internal note
 * instead of a public reply (`allowInternal`).
 */
export const ReplyForm = ({
  ticketId,
  allowInternal,
  disabled,
  disabledReason,
  pending,
  error,
  onSubmit,
}: {
  ticketId: string;
  allowInternal: boolean;
  disabled?: boolean;
  disabledReason?: string;
  pending: boolean;
  error: unknown;
  onSubmit: (input: {
    ticketId: string;
    body: string;
    internal: boolean;
    attachmentIds: string[];
  }) => Promise<unknown>;
}) => {
  const [body, setBody] = useState("");
  const [internal, setInternal] = useState(false);
  const [sent, setSent] = useState<string | null>(null);
  const form = useSchemaForm(ReplyInput);
  const internalId = useId();
  const uploads = useAttachmentUploads();
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setSent(null);
    const input = form.parse({
      ticketId,
      body,
      internal: allowInternal && internal,
      attachmentIds: uploads.ids,
    });
    if (!input) return;
    try {
      await onSubmit(input);
      setBody("");
      setInternal(false);
      uploads.reset();
      setSent(input.internal ? "Internal note added." : "Reply sent.");
    } catch (failure) {
      form.showServerErrors(failure);
    }
  };
  return (
    <Card title={allowInternal ? "Reply or add a note" : "Reply"}>
      {disabled ? (
        <p className="text-sm text-slate-600 dark:text-slate-300">{disabledReason}</p>
      ) : (
        <form onSubmit={submit} noValidate aria-label="Reply" className="space-y-4">
          <Field
            label="Message"
            name="body"
            value={body}
            onChange={setBody}
            error={form.errors.body}
            multiline
            required
          />
          <AttachmentPicker uploads={uploads} />
          {allowInternal && (
            <div className="flex items-start gap-2">
              <input
                id={internalId}
                type="checkbox"
                checked={internal}
                onChange={(event) => setInternal(event.target.checked)}
                className="mt-0.5 size-4 rounded border-slate-300 dark:border-slate-600 accent-amber-600"
                aria-describedby={`${internalId}-hint`}
              />
              <div>
                <label
                  htmlFor={internalId}
                  className="text-sm font-medium text-slate-800 dark:text-slate-200"
                >
                  Internal note
                </label>
                <p id={`${internalId}-hint`} className="text-xs text-slate-500 dark:text-slate-400">
                  Only staff see internal notes; they do not count as a response to the customer.
                </p>
              </div>
            </div>
          )}
          <div aria-live="polite" className="space-y-2">
            <ErrorAlert error={error} title="Not sent" />
            {sent && <Alert tone="success">{sent}</Alert>}
          </div>
          <div className="flex justify-end">
            <Button type="submit" busy={pending} disabled={uploads.busy}>
              {pending ? "Sending…" : allowInternal && internal ? "Add internal note" : "Send reply"}
            </Button>
          </div>
        </form>
      )}
    </Card>
  );
};
