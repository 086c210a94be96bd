import { z } from "zod";

/**
 * Zod's messages as phrases about a field ("must be a number", "is required"), so that the
 * API can say `${field} ${phrase}` in one sentence and the SPA can show the phrase under the
 * field's label. Installed once for every schema (the package lists this file as its one side
 * effect); a schema's own message ("must be at least 1 month") still wins.
 */
type Issue = z.core.$ZodRawIssue;

const TYPE_NAMES: Record<string, string> = {
  string: "text",
  number: "a number",
  int: "a whole number",
  bigint: "a whole number",
  boolean: "true or false",
  date: "a valid date",
  object: "an object",
  array: "a list",
  record: "an object",
  null: "null",
};

const FORMAT_NAMES: Record<string, string> = {
  email: "an email address",
  url: "a URL",
  uuid: "a UUID",
  guid: "a UUID",
  datetime: "a date and time such as 2026-01-31T09:00:00Z",
  date: "a date such as 2026-01-31",
  time: "a time such as 09:00",
  ipv4: "an IPv4 address",
  ipv6: "an IPv6 address",
  base64: "base64",
  base64url: "base64url",
  e164: "a phone number such as +442079460000",
  jwt: "a JWT",
};

const UNITS: Record<string, [string, string]> = {
  string: ["character", "characters"],
  array: ["item", "items"],
  set: ["item", "items"],
  file: ["byte", "bytes"],
};

const show = (value: unknown) => (typeof value === "string" ? value : JSON.stringify(value));
const bound = (origin: string, value: number | bigint) =>
  origin === "date" ? new Date(Number(value)).toISOString() : value.toLocaleString("en-GB");

const sized = (origin: string, limit: number | bigint, words: { least: string; exact: boolean }) => {
  const [one, many] = UNITS[origin] ?? ["", ""];
  const unit = one ? ` ${Number(limit) === 1 ? one : many}` : "";
  const verb = origin === "array" || origin === "set" ? "hold" : "be";
  return `must ${verb} ${words.exact ? "exactly" : words.least} ${bound(origin, limit)}${unit}`;
};

const tooSmall = (issue: Extract<Issue, { code: "too_small" }>) => {
  const origin = issue.origin ?? "number";
  if (origin === "string" && Number(issue.minimum) === 1 && !issue.exact) return "must not be empty";
  if (origin === "date") return `must not be before ${bound(origin, issue.minimum)}`;
  const least = issue.inclusive === false ? "more than" : "at least";
  return sized(origin, issue.minimum, { least, exact: Boolean(issue.exact) });
};

const tooBig = (issue: Extract<Issue, { code: "too_big" }>) => {
  const origin = issue.origin ?? "number";
  if (origin === "date") return `must not be after ${bound(origin, issue.maximum)}`;
  const most = issue.inclusive === false ? "less than" : "at most";
  return sized(origin, issue.maximum, { least: most, exact: Boolean(issue.exact) });
};

const badFormat = (issue: Extract<Issue, { code: "invalid_format" }>) => {
  const { format } = issue;
  if (format === "starts_with") return `must start with "${(issue as { prefix?: string }).prefix}"`;
  if (format === "ends_with") return `must end with "${(issue as { suffix?: string }).suffix}"`;
  if (format === "includes") return `must include "${(issue as { includes?: string }).includes}"`;
  if (format === "regex") return "is not in the expected format";
  return `must be ${FORMAT_NAMES[format] ?? `a valid ${format}`}`;
};

/** The phrase for one issue, about the field it is at (which the caller names). */
const issuePhrase = (issue: Issue): string => {
  switch (issue.code) {
    case "invalid_type":
      if (issue.input === undefined) return "is required";
      return `must be ${TYPE_NAMES[issue.expected] ?? issue.expected}`;
    case "invalid_value":
      return issue.values.length === 1
        ? `must be ${show(issue.values[0])}`
        : `must be one of ${issue.values.map(show).join(", ")}`;
    case "too_small":
      return tooSmall(issue);
    case "too_big":
      return tooBig(issue);
    case "invalid_format":
      return badFormat(issue);
    case "not_multiple_of":
      return `must be a multiple of ${String(issue.divisor)}`;
    case "unrecognized_keys":
      return `must not have ${issue.keys.length > 1 ? "the keys" : "the key"} ${issue.keys.join(", ")}`;
    case "invalid_union":
      return issue.input === undefined ? "is required" : "is not one of the accepted forms";
    case "invalid_key":
      return "has a key that is not allowed";
    case "invalid_element":
      return "holds a value that is not allowed";
    default:
      return "is not valid";
  }
};

const PREDICATE = /^(must|is|are|may|can|cannot|should|has|have|holds?|needs?|does|do)\b/;

/**
 * One sentence naming the field: `tier must be one of …`, `organizationId is required`. A
 * message that already names the field or is a sentence of its own (capitalised) is kept;
 * a phrase that is not a predicate ("choose at least one scope") follows a colon.
 */
export const fieldSentence = (field: string, message: string): string => {
  if (message.startsWith(field) || /^[A-Z]/.test(message)) return message;
  return PREDICATE.test(message) ? `${field} ${message}` : `${field}: ${message}`;
};

z.config({ customError: issuePhrase });
