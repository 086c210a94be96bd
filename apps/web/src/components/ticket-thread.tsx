import { ReplyInput } from "@tessera/domain";
import { Alert, Badge, Button, Card, cx } from "@tessera/ui";
import { useId, useState } from "react";
import { AttachmentList, type ThreadAttachment } from "./attachment-list.tsx";
import { AttachmentPicker } from "./attachment-picker.tsx";
import { useDateFormat } from "./dates/use-date-format.ts";
import { ErrorAlert } from "./error-alert.tsx";
import { FormField } from "./form-field.tsx";
import { LinkedText } from "./linked-text.tsx";
import { useAttachmentUploads } from "./use-attachment-uploads.ts";
import { useZodForm } from "./zod-form.ts";

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
      <li className="rounded-md border border-line bg-surface p-4">
        <MessageHeader author={authorName(requester)} kind="CUSTOMER" createdAt={createdAt} extra="opened" />
        <p className="mt-2 whitespace-pre-wrap break-words text-sm text-fg">
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
                : "border-line bg-surface",
          )}
        >
          <MessageHeader
            author={message.authorName ?? authorName(message.authorLabel)}
            kind={message.authorKind}
            createdAt={message.createdAt}
            internal={message.internal}
          />
          <p className="mt-2 whitespace-pre-wrap break-words text-sm text-fg">
            <LinkedText text={message.body} />
          </p>
          <AttachmentList attachments={attachments.filter((file) => file.messageId === message.id)} />
        </li>
      ))}
    </ol>
    {messages.length === 0 && <p className="mt-4 text-sm text-fg-muted">No replies yet.</p>}
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
}) => {
  const dates = useDateFormat();
  return (
    <div className="flex flex-wrap items-center gap-2 text-xs text-fg-muted">
      <span className="font-medium text-fg">{author}</span>
      <Badge tone={kind === "STAFF" ? "blue" : "slate"}>
        {kind === "STAFF" ? "Support" : kind === "SYSTEM" ? "System" : "Customer"}
      </Badge>
      {internal && <Badge tone="amber">Internal note</Badge>}
      {extra && <span>{extra}</span>}
      <time dateTime={new Date(createdAt).toISOString()}>{dates.instant(createdAt)}</time>
    </div>
  );
};

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
  const [sent, setSent] = useState<string | null>(null);
  const internalId = useId();
  const uploads = useAttachmentUploads();
  const form = useZodForm({
    schema: ReplyInput,
    defaultValues: { body: "", internal: false },
    toInput: (values) => ({
      input: { ticketId, ...values, internal: allowInternal && values.internal, attachmentIds: uploads.ids },
    }),
  });
  const internal = form.watch("internal");
  const submit = form.handleSubmit(
    async (input) => {
      setSent(null);
      try {
        await onSubmit(input);
        form.reset();
        uploads.reset();
        setSent(input.internal ? "Internal note added." : "Reply sent.");
      } catch (failure) {
        form.showServerErrors(failure);
      }
    },
    () => setSent(null),
  );
  return (
    <Card title={allowInternal ? "Reply or add a note" : "Reply"}>
      {disabled ? (
        <p className="text-sm text-fg-muted">{disabledReason}</p>
      ) : (
        <form onSubmit={submit} noValidate aria-label="Reply" className="space-y-4">
          <FormField control={form.control} label="Message" name="body" multiline required />
          <AttachmentPicker uploads={uploads} />
          {allowInternal && (
            <div className="flex items-start gap-2">
              <input
                id={internalId}
                type="checkbox"
                {...form.register("internal")}
                className="mt-0.5 size-4 rounded border-line-strong accent-amber-600"
                aria-describedby={`${internalId}-hint`}
              />
              <div>
                <label htmlFor={internalId} className="text-sm font-medium text-fg">
                  Internal note
                </label>
                <p id={`${internalId}-hint`} className="text-xs text-fg-muted">
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
