import { z } from "zod";
import { DomainError } from "../errors.ts";

export const LOGO_MAX_BYTES = 256 * 1024;
export const LOGO_CONTENT_TYPES = ["image/png", "image/jpeg", "image/svg+xml"] as const;
export type LogoContentType = (typeof LOGO_CONTENT_TYPES)[number];

/** base64 of at most 256 KiB (4 characters per 3 bytes, plus padding). */
const MAX_BASE64_LENGTH = Math.ceil(LOGO_MAX_BYTES / 3) * 4;

export const UploadLogoInput = z.object({
  /** What the browser says the file is; checked against the bytes. */
  contentType: z.enum(LOGO_CONTENT_TYPES, { message: "must be a PNG, JPEG or SVG image" }),
  dataBase64: z
    .string()
    .min(1, { message: "is required" })
    .max(MAX_BASE64_LENGTH, { message: "must be at most 256 KiB" })
    .regex(/^[A-Za-z0-9+/]*={0,2}$/, { message: "must be base64" }),
});
export type UploadLogoInput = z.input<typeof UploadLogoInput>;

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const JPEG_SIGNATURE = [0xff, 0xd8, 0xff];

const startsWith = (bytes: Uint8Array, signature: number[]) =>
  signature.every((value, index) => bytes[index] === value);

/** What the bytes are, whatever they claim: PNG and JPEG by signature, SVG by its root element. */
export const sniffLogoType = (bytes: Uint8Array): LogoContentType | null => {
  if (startsWith(bytes, PNG_SIGNATURE)) return "image/png";
  if (startsWith(bytes, JPEG_SIGNATURE)) return "image/jpeg";
  // The prolog is ASCII: reading bytes as Latin-1 is enough to find the root element.
  const head = String.fromCharCode(...bytes.subarray(0, 4096)).replace(/^\xEF\xBB\xBF/, "");
  // An XML declaration, comments and a doctype (with any internal subset, which the SVG check
  // then refuses by name) may come first; then the root must be <svg.
  const withoutProlog = head.replace(
    /^\s*(<\?xml[^>]*\?>\s*|<!--[\s\S]*?-->\s*|<!DOCTYPE[^[>]*(\[[^\]]*\])?\s*>\s*)*/i,
    "",
  );
  if (/^<svg[\s>]/i.test(withoutProlog)) return "image/svg+xml";
  return null;
};

/**
 * The upload's bytes checked: not empty, at most 256 KiB, and really the type declared.
 * Errors name `dataBase64` (the file) or `contentType`.
 */
export const checkLogoBytes = (bytes: Uint8Array, declared: LogoContentType): LogoContentType => {
  if (bytes.length === 0)
    throw new DomainError("VALIDATION_FAILED", "The file is empty", { field: "dataBase64" });
  if (bytes.length > LOGO_MAX_BYTES) {
    throw new DomainError("VALIDATION_FAILED", "The logo must be at most 256 KiB", {
      field: "dataBase64",
      size: bytes.length,
      maxBytes: LOGO_MAX_BYTES,
    });
  }
  const actual = sniffLogoType(bytes);
  if (!actual) {
    throw new DomainError("VALIDATION_FAILED", "The file is not a PNG, JPEG or SVG image", {
      field: "dataBase64",
    });
  }
  if (actual !== declared) {
    throw new DomainError("VALIDATION_FAILED", `The file is ${actual}, not ${declared} as declared`, {
      field: "contentType",
      detected: actual,
    });
  }
  return actual;
};

/**
 * Structure an uploaded SVG may have: a logo is a few dozen shapes a few groups deep; these
 * bounds leave room for detailed artwork while keeping sanitising cheap.
 */
export const SVG_MAX_DEPTH = 64;
export const SVG_MAX_ELEMENTS = 5_000;
export const SVG_MAX_ATTRIBUTES = 20_000;
