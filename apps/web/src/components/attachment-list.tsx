import { formatBytes } from "./format-bytes.ts";

export interface ThreadAttachment {
  id: string;
  /** The message it belongs to; null for the ticket's description. */
  messageId: string | null;
  filename: string;
  sizeBytes: number;
  url: string;
}

/** A message's files as download links, each with its size. */
export const AttachmentList = ({ attachments }: { attachments: ThreadAttachment[] }) =>
  attachments.length === 0 ? null : (
    <ul aria-label="Attachments" className="mt-3 flex flex-wrap gap-2">
      {attachments.map((attachment) => (
        <li key={attachment.id}>
          <a
            href={attachment.url}
            download={attachment.filename}
            className="inline-flex items-center gap-2 rounded-md border border-line-strong bg-surface px-2 py-1 text-sm text-indigo-700 dark:text-indigo-300 hover:underline"
          >
            {attachment.filename}
            <span className="text-xs text-fg-muted">{formatBytes(attachment.sizeBytes)}</span>
          </a>
        </li>
      ))}
    </ul>
  );
