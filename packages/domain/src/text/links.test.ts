import { describe, expect, it } from "vitest";
import { splitLinks } from "./links.ts";

const link = (address: string) => ({ kind: "link", text: address, href: address });
const text = (words: string) => ({ kind: "text", text: words });

describe("splitLinks", () => {
  it("turns http and https addresses into links between the text around them", () => {
    expect(splitLinks("See https://status.example.com/incidents/42 and http://example.org now")).toEqual([
      text("See "),
      link("https://status.example.com/incidents/42"),
      text(" and "),
      link("http://example.org"),
      text(" now"),
    ]);
    expect(splitLinks("HTTPS://EXAMPLE.COM")).toEqual([link("HTTPS://EXAMPLE.COM")]);
  });

  it("keeps plain text, and every other scheme, as text", () => {
    expect(splitLinks("")).toEqual([]);
    expect(splitLinks("no address here")).toEqual([text("no address here")]);
    for (const unsafe of [
      "javascript:alert(1)",
      "JavaScript:alert(document.cookie)",
      "javascript:http://example.com",
      "javascript://example.com/%0Aalert(1)",
      "data:text/html,<script>alert(1)</script>",
      "vbscript:msgbox(1)",
      "mailto:ann@example.com",
      "ftp://files.example.com",
      "xhttp://example.com",
      "https://",
      "https:// example.com",
    ]) {
      expect(splitLinks(unsafe)).toEqual([text(unsafe)]);
    }
  });

  it("leaves sentence punctuation after an address out of the link", () => {
    for (const end of [".", ",", ";", ":", "!", "?", "'", '"', "...", "!?"]) {
      expect(splitLinks(`Go to https://example.com/a${end}`)).toEqual([
        text("Go to "),
        link("https://example.com/a"),
        text(end),
      ]);
    }
    expect(splitLinks("https://example.com/search?q=a.b&x=1")).toEqual([
      link("https://example.com/search?q=a.b&x=1"),
    ]);
  });

  it("keeps brackets the address opened and drops those it did not", () => {
    expect(splitLinks("(see https://example.com/docs)")).toEqual([
      text("(see "),
      link("https://example.com/docs"),
      text(")"),
    ]);
    expect(splitLinks("https://en.wikipedia.org/wiki/Bracket_(disambiguation)")).toEqual([
      link("https://en.wikipedia.org/wiki/Bracket_(disambiguation)"),
    ]);
    expect(splitLinks("(https://en.wikipedia.org/wiki/Bracket_(disambiguation)).")).toEqual([
      text("("),
      link("https://en.wikipedia.org/wiki/Bracket_(disambiguation)"),
      text(")."),
    ]);
    expect(splitLinks("[https://example.com/a]")).toEqual([
      text("["),
      link("https://example.com/a"),
      text("]"),
    ]);
  });

  it("stops at whitespace and at characters an address cannot hold", () => {
    expect(splitLinks('<https://example.com/a>"x')).toEqual([
      text("<"),
      link("https://example.com/a"),
      text('>"x'),
    ]);
    expect(splitLinks("a\nhttps://example.com\tb")).toEqual([
      text("a\n"),
      link("https://example.com"),
      text("\tb"),
    ]);
  });

  it("gives back the input when the parts are joined", () => {
    const input = "x (https://a.example/b_(c)). then http://d.example, javascript:e";
    expect(
      splitLinks(input)
        .map((part) => part.text)
        .join(""),
    ).toBe(input);
  });
});
