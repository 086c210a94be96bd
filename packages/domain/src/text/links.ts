/** A run of message text: plain words, or a web address to show as a link. */
type TextPart = { kind: "text"; text: string } | { kind: "link"; text: string; href: string };

/**
 * An http(s) address standing on its own (not the tail of another scheme such as
 * `javascript:http://…`), starting with a host character and running to whitespace or a
 * character that cannot be in a written address.
 */
const ADDRESS = /(?<![\w+.:/-])https?:\/\/\w[^\s<>"]*/gi;

/** Sentence punctuation after an address belongs to the sentence, not the address. */
const TRAILING = /[.,;:!?'"*]/;
const CLOSERS: Record<string, string> = { ")": "(", "]": "[", "}": "{" };

const count = (text: string, char: string) => text.split(char).length - 1;

/** Drops trailing punctuation and closing brackets that the address did not open. */
const trimAddress = (candidate: string) => {
  let address = candidate;
  for (;;) {
    const last = address.at(-1) ?? "";
    const opener = CLOSERS[last];
    const unbalanced = opener !== undefined && count(address, last) > count(address, opener);
    if (!TRAILING.test(last) && !unbalanced) return address;
    address = address.slice(0, -1);
  }
};

/**
 * Splits message text into text and link parts, for rendering as React nodes (never as HTML).
 * Only `http:` and `https:` addresses become links; every other scheme (`javascript:`, `data:`,
 * `mailto:`) stays text. Joining every part's `text` gives back the input.
 */
export const splitLinks = (text: string): TextPart[] => {
  const parts: TextPart[] = [];
  let cursor = 0;
  for (const match of text.matchAll(ADDRESS)) {
    const address = trimAddress(match[0]);
    if (match.index > cursor) parts.push({ kind: "text", text: text.slice(cursor, match.index) });
    parts.push({ kind: "link", text: address, href: address });
    cursor = match.index + address.length;
  }
  if (cursor < text.length) parts.push({ kind: "text", text: text.slice(cursor) });
  return parts;
};
