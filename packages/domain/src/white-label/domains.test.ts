import { describe, expect, it } from "vitest";
import { DomainError } from "../errors.ts";
import { askedHostname, judgeDomainCheck, normalizeDomainName } from "./domains.ts";

const OURS = ["tessera.app"];
const ONLY_HOSTNAME = "must be a hostname only, such as learn.example.com (no scheme, port or path)";
const INVALID = "is not a valid hostname";
const NOT_ICANN =
  "must end in a public top-level domain (localhost, .local, .internal and the like cannot be verified)";
const SUFFIX = "is a public suffix; use a name you own under it";

/** The refusal's message and field, or the normalised name when accepted. */
const judge = (raw: string, requireIcann = true) => {
  try {
    return normalizeDomainName(raw, OURS, { field: "domain", requireIcann });
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    expect(error).toMatchObject({ code: "VALIDATION_FAILED", details: { field: "domain" } });
    return `refused: ${error.message}`;
  }
};

describe("normalizeDomainName", () => {
  it.each([
    ["learn.example.com", "learn.example.com"],
    ["https://learn.example.com", `refused: ${ONLY_HOSTNAME}`],
    ["learn.example.com:443", `refused: ${ONLY_HOSTNAME}`],
    ["learn.example.com/path", `refused: ${ONLY_HOSTNAME}`],
    ["user@learn.example.com", `refused: ${ONLY_HOSTNAME}`],
    ["learn example.com", `refused: ${ONLY_HOSTNAME}`],
    ["bücher.example.com", "refused: must be in its ASCII form (xn--…) for international names"],
    ["192.168.1.1", "refused: must be a name, not an IP address"],
    ["localhost", `refused: ${INVALID}`],
    ["-bad.example.com", `refused: ${INVALID}`],
    ["bad-.example.com", `refused: ${INVALID}`],
    ["a..example.com", `refused: ${INVALID}`],
    [`${"a".repeat(64)}.example.com`, `refused: ${INVALID}`],
    [`${"a".repeat(63)}.example.com`, `${"a".repeat(63)}.example.com`],
    ["intranet.local", `refused: ${NOT_ICANN}`],
    ["co.uk", `refused: ${NOT_ICANN}`],
    ["github.io", `refused: ${NOT_ICANN}`],
    ["tessera.app", "refused: is one of Tessera's own domains"],
    ["app.TESSERA.app", "refused: is one of Tessera's own domains"],
    ["nottessera.app", "nottessera.app"],
  ])("%s → %s", (raw, expected) => {
    expect(judge(raw)).toBe(expected);
  });

  it.each([
    ["intranet.local", "intranet.local"],
    ["co.uk", `refused: ${SUFFIX}`],
    ["github.io", `refused: ${SUFFIX}`],
  ])("without the ICANN rule (SSO email domains) %s → %s", (raw, expected) => {
    expect(judge(raw, false)).toBe(expected);
  });
});

describe("judgeDomainCheck", () => {
  const name = "_tessera.a.example.com";
  it.each([
    [{ error: "ENOTFOUND" }, "FAILED", `No TXT record found at ${name} (ENOTFOUND)`],
    [{ error: "ENODATA" }, "FAILED", `No TXT record found at ${name} (ENODATA)`],
    [{ error: "ESERVFAIL" }, "FAILED", `The DNS lookup of ${name} failed (ESERVFAIL)`],
    [{ records: [] }, "FAILED", `No TXT record found at ${name}`],
    [
      { records: ["other", " tessera-verification=t0k "] },
      "VERIFIED",
      `TXT record at ${name} holds the verification token`,
    ],
    [
      { records: ["a", "tessera-verification=nope"] },
      "FAILED",
      `TXT records at ${name} do not hold the token: found "a", "tessera-verification=nope"`,
    ],
  ])("%j → %s: %s", (answer, status, reason) => {
    expect(judgeDomainCheck("a.example.com", "t0k", answer)).toEqual({ status, reason });
  });
});

describe("askedHostname", () => {
  it.each<[string | null, string | null]>([
    ["Learn.Example.COM.", "learn.example.com"],
    ["learn.example.com", "learn.example.com"],
    ["", null],
    [null, null],
    [".", null],
    ["localhost", null],
    ["learn.example.com:443", null],
    ["_tessera.example.com", null],
    ["a..example.com", null],
    ["-a.example.com", null],
    [`${"a".repeat(63)}.example.com`, `${"a".repeat(63)}.example.com`],
    [`${"a".repeat(64)}.example.com`, null],
    [`${"a.".repeat(125)}com`, `${"a.".repeat(125)}com`],
    [`${"a.".repeat(126)}com`, null],
  ])("%s → %s", (raw, expected) => {
    expect(askedHostname(raw)).toBe(expected);
  });
});
