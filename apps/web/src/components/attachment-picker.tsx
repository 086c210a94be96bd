import { Button } from "@tessera/ui";
import { useId } from "react";
import { formatBytes } from "./format-bytes.ts";
import type { AttachmentUploads } from "./use-attachment-uploads.ts";

const ACCEPT =
  ".png,.jpg,.jpeg,.gif,.webp,.pdf,.txt,.log,image/png,image/jpeg,image/gif,image/webp,application/pdf,text/plain";

const STATE_LABEL = { uploading: "Uploading…", ready: "Ready", failed: "Not uploaded" } as const;

/** Choose files for a message; each shows its size and whether it is uploaded, and can be removed. */
export const AttachmentPicker = ({ uploads }: { uploads: AttachmentUploads }) => {
  const id = useId();
  return (
    <div>
      <label htmlFor={id} className="block text-sm font-medium text-fg">
        Attach files
      </label>
      <input
        id={id}
        type="file"
        multiple
        accept={ACCEPT}
        aria-describedby={`${id}-hint`}
        onChange={(event) => {
          uploads.add([...(event.target.files ?? [])]);
          event.target.value = "";
        }}
        className="mt-1 block w-full text-sm text-fg-muted file:mr-3 file:rounded-md file:border file:border-line-strong file:bg-surface file:px-3 file:py-1.5 file:text-sm file:font-medium file:text-fg"
      />
      <p id={`${id}-hint`} className="mt-1 text-xs text-fg-muted">
        Images (PNG, JPEG, GIF, WebP), PDF or plain text; up to 5 files of at most 10 MB each
      </p>
      {uploads.uploads.length > 0 && (
        <ul aria-label="Files to send" className="mt-2 space-y-1 text-sm">
          {uploads.uploads.map((upload) => (
            <li key={upload.key} className="flex flex-wrap items-center gap-2">
              <span className="font-medium text-fg">{upload.name}</span>
              <span className="text-fg-muted">{formatBytes(upload.size)}</span>
              <span
                className={upload.state === "failed" ? "text-red-700 dark:text-red-400" : "text-fg-muted"}
              >
                {upload.problem
                  ? `${STATE_LABEL[upload.state]}: ${upload.problem}`
                  : STATE_LABEL[upload.state]}
              </span>
              <Button
                variant="ghost"
                className="px-2 py-0.5"
                aria-label={`Remove ${upload.name}`}
                onClick={() => uploads.remove(upload.key)}
              >
                Remove
              </Button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
};
