import { z } from "zod";
import { DomainError } from "../errors.ts";

/** One file's cap: screenshots, logs and PDFs fit; videos and dumps belong elsewhere. */
export const ATTACHMENT_MAX_BYTES = 10 * 1024 * 1024;
export const ATTACHMENTS_PER_MESSAGE = 5;
/** Uploads one person may hold not yet attached: enough for a few messages in progress. */
export const ATTACHMENTS_PENDING_PER_USER = 20;
/** An upload no message takes within this time is deleted. */
export const ATTACHMENT_ORPHAN_HOURS = 1;

const ATTACHMENT_CONTENT_TYPES = [
  "image/png",
  "image/jpeg",
  "image/gif",
  "image/webp",
  "application/pdf",
  "text/plain",
] as const;
type AttachmentContentType = (typeof ATTACHMENT_CONTENT_TYPES)[number];

/** The ids of uploads a reply or a new ticket takes: each at most once, five at most. */
export const AttachmentIds = z
  .array(z.uuid())
  .max(ATTACHMENTS_PER_MESSAGE, { message: `must hold at most ${ATTACHMENTS_PER_MESSAGE} files` })
  .refine((ids) => new Set(ids).size === ids.length, { message: "must not name a file twice" })
  .default([]);

const SIGNATURES: [AttachmentContentType, number, number[]][] = [
  ["image/png", 0, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]],
  ["image/jpeg", 0, [0xff, 0xd8, 0xff]],
  ["image/gif", 0, [0x47, 0x49, 0x46, 0x38, 0x37, 0x61]],
  ["image/gif", 0, [0x47, 0x49, 0x46, 0x38, 0x39, 0x61]],
  ["application/pdf", 0, [0x25, 0x50, 0x44, 0x46, 0x2d]],
];
const RIFF = [0x52, 0x49, 0x46, 0x46];
const WEBP = [0x57, 0x45, 0x42, 0x50];

const hasAt = (bytes: Uint8Array, offset: number, signature: number[]) =>
  bytes.length >= offset + signature.length &&
  signature.every((value, index) => bytes[offset + index] === value);

/** Length of the UTF-8 sequence a lead byte starts, and the range of its second byte. */
const sequenceOf = (lead: number): [number, number, number] | null => {
  if (lead >= 0xc2 && lead <= 0xdf) return [2, 0x80, 0xbf];
  if (lead === 0xe0) return [3, 0xa0, 0xbf]; // no overlong forms
  if (lead === 0xed) return [3, 0x80, 0x9f]; // no UTF-16 surrogates
  if (lead >= 0xe1 && lead <= 0xef) return [3, 0x80, 0xbf];
  if (lead === 0xf0) return [4, 0x90, 0xbf];
  if (lead >= 0xf1 && lead <= 0xf3) return [4, 0x80, 0xbf];
  if (lead === 0xf4) return [4, 0x80, 0x8f]; // nothing past U+10FFFF
  return null;
};

/** Plain text: well-formed UTF-8 and no NUL byte (which no text editor writes, and binaries do). */
const isPlainText = (bytes: Uint8Array) => {
  for (let i = 0; i < bytes.length; ) {
    const lead = bytes[i] as number;
    if (lead === 0) return false;
    if (lead < 0x80) {
      i++;
      continue;
    }
    const sequence = sequenceOf(lead);
    if (!sequence) return false;
    const [length, low, high] = sequence;
    const second = bytes[i + 1];
    if (second === undefined || second < low || second > high) return false;
    for (let k = 2; k < length; k++) {
      const next = bytes[i + k];
      if (next === undefined || next < 0x80 || next > 0xbf) return false;
    }
    i += length;
  }
  return true;
};

/** What the bytes are, whatever they claim: images and PDF by signature, then text. */
export const sniffAttachmentType = (bytes: Uint8Array): AttachmentContentType | null => {
  for (const [type, offset, signature] of SIGNATURES) if (hasAt(bytes, offset, signature)) return type;
  if (hasAt(bytes, 0, RIFF) && hasAt(bytes, 8, WEBP)) return "image/webp";
  return isPlainText(bytes) ? "text/plain" : null;
};

/** `text/plain; charset=utf-8` → `text/plain`; anything else as sent, lower-cased. */
const mediaType = (declared: string) => declared.split(";")[0]?.trim().toLowerCase() ?? "";

/**
 * An upload's bytes checked: not empty, within the cap, of an allowed type, and really the
 * type declared. Errors name `file` (the bytes) or `contentType` (a type we never take).
 */
export const checkAttachmentBytes = (bytes: Uint8Array, declared: string): AttachmentContentType => {
  if (bytes.length === 0) throw new DomainError("VALIDATION_FAILED", "The file is empty", { field: "file" });
  if (bytes.length > ATTACHMENT_MAX_BYTES) {
    throw new DomainError("PAYLOAD_TOO_LARGE", "The file must be at most 10 MiB", {
      field: "file",
      maxBytes: ATTACHMENT_MAX_BYTES,
    });
  }
  const claimed = mediaType(declared);
  if (!(ATTACHMENT_CONTENT_TYPES as readonly string[]).includes(claimed)) {
    throw new DomainError(
      "UNSUPPORTED_MEDIA_TYPE",
      "contentType must be one of PNG, JPEG, GIF, WebP, PDF or plain text",
      { field: "contentType" },
    );
  }
  const actual = sniffAttachmentType(bytes);
  if (actual !== claimed) {
    throw new DomainError(
      "VALIDATION_FAILED",
      actual
        ? `The file is ${actual}, not ${claimed} as declared`
        : `The file is not ${claimed} as declared (nor any type we accept)`,
      { field: "file", detected: actual },
    );
  }
  return actual;
};

const FILENAME_MAX = 200;

/** C0 and C1 controls, DEL, and what Windows refuses or a header would need quoted. */
const unsafeInFilename = (char: string) => {
  const code = char.charCodeAt(0);
  return code < 0x20 || (code >= 0x7f && code <= 0x9f) || '"*:<>?|'.includes(char);
};

/**
 * A filename safe to store and to send back in a header: the last path segment, without
 * control or shell- and header-special characters, at most 200 characters (keeping the
 * extension). A name with nothing left is refused, naming `filename`.
 */
export const sanitizeFilename = (raw: string): string => {
  const lastSegment = raw.split(/[/\\]/).pop() ?? "";
  const cleaned = [...lastSegment.normalize("NFC")]
    .filter((char) => !unsafeInFilename(char))
    .join("")
    .replace(/\s+/g, " ")
    .replace(/^[\s.]+|[\s.]+$/g, "");
  if (cleaned === "") {
    throw new DomainError("VALIDATION_FAILED", "filename is required", { field: "filename" });
  }
  if (cleaned.length <= FILENAME_MAX) return cleaned;
  const dot = cleaned.lastIndexOf(".");
  const extension = dot > 0 && cleaned.length - dot <= 10 ? cleaned.slice(dot) : "";
  return cleaned.slice(0, FILENAME_MAX - extension.length) + extension;
};
