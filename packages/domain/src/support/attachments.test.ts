import { describe, expect, it } from "vitest";
import type { DomainError } from "../errors.ts";
import {
  ATTACHMENT_MAX_BYTES,
  AttachmentIds,
  checkAttachmentBytes,
  sanitizeFilename,
  sniffAttachmentType,
} from "./attachments.ts";

const bytes = (...values: (number | string)[]) =>
  new Uint8Array(
    values.flatMap((value) => (typeof value === "string" ? [...new TextEncoder().encode(value)] : [value])),
  );

const refusal = (run: () => unknown) => {
  try {
    run();
  } catch (error) {
    const { code, details } = error as DomainError;
    return `${code} ${details.field}`;
  }
  return "accepted";
};

describe("sniffAttachmentType", () => {
  const cases: [string, Uint8Array, string | null][] = [
    ["PNG", bytes(0x89, "PNG\r\n", 0x1a, "\n", 0), "image/png"],
    ["JPEG", bytes(0xff, 0xd8, 0xff, 0xe1), "image/jpeg"],
    ["GIF87a", bytes("GIF87a", 1), "image/gif"],
    ["GIF89a", bytes("GIF89a", 1), "image/gif"],
    ["WebP", bytes("RIFF", 1, 2, 3, 4, "WEBPVP8 "), "image/webp"],
    ["RIFF but WAVE", bytes("RIFF", 0x24, 0, 0, 0, "WAVEfmt "), null],
    ["PDF", bytes("%PDF-1.4\n"), "application/pdf"],
    ["UTF-8 text", bytes("héllo\n"), "text/plain"],
    ["text with NUL", bytes("a", 0, "b"), null],
    ["invalid UTF-8", bytes("a", 0xc3, 0x28), null],
    ["4-byte emoji", bytes(0xf0, 0x9f, 0x98, 0x80), "text/plain"],
    ["overlong slash", bytes(0xc0, 0xaf), null],
    ["overlong 3-byte", bytes(0xe0, 0x80, 0xaf), null],
    ["UTF-16 surrogate", bytes(0xed, 0xa0, 0x80), null],
    ["past U+10FFFF", bytes(0xf4, 0x90, 0x80, 0x80), null],
    ["truncated sequence", bytes("ok", 0xe2, 0x82), null],
    ["stray continuation", bytes(0x80), null],
    ["bad third byte", bytes(0xe2, 0x82, 0x41), null],
    ["truncated PNG signature", bytes(0x89, "PN"), null],
  ];
  for (const [name, input, expected] of cases) {
    it(`${name} → ${expected}`, () => expect(sniffAttachmentType(input)).toBe(expected));
  }
});

describe("checkAttachmentBytes", () => {
  const png = bytes(0x89, "PNG\r\n", 0x1a, "\n");
  const cases: [string, () => unknown, string][] = [
    ["a PNG declared as PNG", () => checkAttachmentBytes(png, "image/png"), "accepted"],
    ["text with a charset", () => checkAttachmentBytes(bytes("hi"), "Text/Plain; charset=utf-8"), "accepted"],
    ["empty", () => checkAttachmentBytes(bytes(), "text/plain"), "VALIDATION_FAILED file"],
    [
      "one byte over the cap",
      () => checkAttachmentBytes(new Uint8Array(ATTACHMENT_MAX_BYTES + 1).fill(0x61), "text/plain"),
      "PAYLOAD_TOO_LARGE file",
    ],
    ["a PNG declared as JPEG", () => checkAttachmentBytes(png, "image/jpeg"), "VALIDATION_FAILED file"],
    [
      "binary declared as text",
      () => checkAttachmentBytes(bytes(0, 1, 2), "text/plain"),
      "VALIDATION_FAILED file",
    ],
    [
      "a type never taken",
      () => checkAttachmentBytes(png, "image/svg+xml"),
      "UNSUPPORTED_MEDIA_TYPE contentType",
    ],
    ["no type", () => checkAttachmentBytes(png, ""), "UNSUPPORTED_MEDIA_TYPE contentType"],
  ];
  for (const [name, run, expected] of cases)
    it(`${name}: ${expected}`, () => expect(refusal(run)).toBe(expected));
  it("takes exactly the cap", () => {
    // a PNG signature then zeros: the size rule alone decides (a text file would walk 10 MiB
    // of UTF-8, too slow for the mutation run's instrumented code)
    const file = new Uint8Array(ATTACHMENT_MAX_BYTES);
    file.set(bytes(0x89, "PNG\r\n", 0x1a, "\n"));
    expect(checkAttachmentBytes(file, "image/png")).toBe("image/png");
  });
});

describe("sanitizeFilename", () => {
  const cases: [string, string][] = [
    ["report.pdf", "report.pdf"],
    ["C:\\Users\\ann\\shot.png", "shot.png"],
    ["../../etc/passwd", "passwd"],
    ['a"b<c>d|e?f*g:h.txt', "abcdefgh.txt"],
    ["tab\there\u0000nul\u0085.txt", "tabherenul.txt"],
    ["  ..hidden. ", "hidden"],
    ["e\u0301te\u0301.txt", "été.txt"],
    ["many   spaces.txt", "many spaces.txt"],
  ];
  for (const [raw, expected] of cases)
    it(`${JSON.stringify(raw)} → ${expected}`, () => {
      expect(sanitizeFilename(raw)).toBe(expected);
    });
  it("keeps the extension of a long name within 200 characters", () => {
    const name = sanitizeFilename(`${"x".repeat(300)}.tar.gz`);
    expect(name).toHaveLength(200);
    expect(name.endsWith(".gz")).toBe(true);
  });
  for (const raw of ["", "/", "...", "\u0001"]) {
    it(`refuses ${JSON.stringify(raw)} naming filename`, () =>
      expect(refusal(() => sanitizeFilename(raw))).toBe("VALIDATION_FAILED filename"));
  }
});

describe("AttachmentIds", () => {
  const id = (n: number) => `00000000-0000-4000-8000-00000000000${n}`;
  it("defaults to none and takes five distinct ids", () => {
    expect(AttachmentIds.parse(undefined)).toEqual([]);
    expect(AttachmentIds.parse([1, 2, 3, 4, 5].map(id))).toHaveLength(5);
  });
  it("refuses six, a repeat, or a non-uuid", () => {
    expect(AttachmentIds.safeParse([1, 2, 3, 4, 5, 6].map(id)).success).toBe(false);
    expect(AttachmentIds.safeParse([id(1), id(1)]).success).toBe(false);
    expect(AttachmentIds.safeParse(["nope"]).success).toBe(false);
  });
});
