import { ATTACHMENT_MAX_BYTES, ATTACHMENTS_PER_MESSAGE } from "@tessera/domain";
import { useState } from "react";

export interface PendingUpload {
  key: string;
  name: string;
  size: number;
  state: "uploading" | "ready" | "failed";
  /** The upload's id once stored: what the reply or new ticket sends. */
  id?: string;
  problem?: string;
}

/** The API's refusal in one sentence, or what went wrong on the way. */
const problemOf = async (response: Response) => {
  try {
    const body = (await response.json()) as { error?: { message?: string } };
    return body.error?.message ?? `Upload failed (${response.status})`;
  } catch {
    return `Upload failed (${response.status})`;
  }
};

/** Send one file as it is: its type in Content-Type (the API checks it against the bytes). */
const send = async (file: File): Promise<{ id: string } | { problem: string }> => {
  try {
    const response = await fetch(`/support/attachments?filename=${encodeURIComponent(file.name)}`, {
      method: "POST",
      credentials: "same-origin",
      headers: { "Content-Type": file.type || "application/octet-stream" },
      body: file,
    });
    if (!response.ok) return { problem: await problemOf(response) };
    return { id: ((await response.json()) as { id: string }).id };
  } catch {
    return { problem: "Upload failed: the connection was lost" };
  }
};

let uploadKeys = 0;

/**
 * Files chosen for a message, each uploaded at once (so sending waits on nothing big); the
 * message then names the uploads' ids. Files over 10 MiB or past five are refused here
 * before any byte leaves, with the same limits the API applies.
 */
export const useAttachmentUploads = () => {
  const [uploads, setUploads] = useState<PendingUpload[]>([]);
  const update = (key: string, change: Partial<PendingUpload>) =>
    setUploads((current) =>
      current.map((upload) => (upload.key === key ? { ...upload, ...change } : upload)),
    );

  const add = (files: File[]) => {
    const room = ATTACHMENTS_PER_MESSAGE - uploads.length;
    const added = files.map((file, index): PendingUpload & { file: File } => {
      const base = { key: `upload-${uploadKeys++}`, name: file.name, size: file.size, file };
      if (index >= room)
        return { ...base, state: "failed", problem: `At most ${ATTACHMENTS_PER_MESSAGE} files per message` };
      if (file.size > ATTACHMENT_MAX_BYTES)
        return { ...base, state: "failed", problem: "The file must be at most 10 MiB" };
      return { ...base, state: "uploading" };
    });
    setUploads((current) => [...current, ...added.map(({ file: _file, ...upload }) => upload)]);
    for (const upload of added) {
      if (upload.state !== "uploading") continue;
      void send(upload.file).then((result) =>
        update(
          upload.key,
          "id" in result ? { state: "ready", id: result.id } : { state: "failed", ...result },
        ),
      );
    }
  };
  const remove = (key: string) => setUploads((current) => current.filter((upload) => upload.key !== key));
  const ids = uploads.flatMap((upload) => (upload.state === "ready" && upload.id ? [upload.id] : []));
  const busy = uploads.some((upload) => upload.state === "uploading");
  return { uploads, add, remove, reset: () => setUploads([]), ids, busy };
};

export type AttachmentUploads = ReturnType<typeof useAttachmentUploads>;
