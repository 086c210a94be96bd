import { describe, expect, it } from "vitest";
import { cssUnescape, referencesOutside } from "./svg-references.ts";

describe("cssUnescape", () => {
  it.each([
    ["u\\72l(", "url("],
    ["\\75rl(", "url("],
    ["\\000075 rl(", "url("],
    ["\\55\\52\\4c(", "URL("],
    ["u\\rl(", "url("],
    ["\\0", "\uFFFD"],
    ["\\d800", "\uFFFD"],
    ["plain", "plain"],
  ])("%s reads as %s", (raw, expected) => {
    expect(cssUnescape(raw)).toBe(expected);
  });
});

describe("referencesOutside", () => {
  it.each([
    ["an https url", "url(https://evil.example/a.svg#f)"],
    ["a quoted https url", 'url("https://evil.example/x")'],
    ["a single-quoted url with spaces", "url(  'https://evil.example/x'  )"],
    ["an upper-case URL(", "URL(https://evil.example/x)"],
    ["a protocol-relative url", "url(//evil.example/x)"],
    ["a same-origin path", "url(/api/x)"],
    ["a data url", "url(data:image/svg+xml,<svg/>)"],
    ["a hex-escaped r", "u\\72l(https://evil.example/x)"],
    ["a hex-escaped u with a space", "\\75 rl(https://evil.example/x)"],
    ["an escaped parenthesis", "url\\(https://evil.example/x)"],
    ["a url after a local one", "url(#a) url(https://evil.example/x)"],
    ["a style declaration", "fill: url(https://evil.example/x); stroke: red"],
    ["a comment hiding the target", 'url("/*x*/#a")'],
    ["a comment before the target", "url(/**/https://evil.example/x)"],
    ["a comment splitting the name", "u/**/rl(https://evil.example/x)"],
    ["image-set with a string", 'image-set("https://evil.example/x.png" 1x)'],
    ["a css src()", 'src("https://evil.example/x")'],
    ["an @import", "@import 'https://evil.example/x.css'"],
    ["an expression()", "width: expression(alert(1))"],
  ])("refuses %s", (_label, value) => {
    expect(referencesOutside(value)).toBe(true);
  });

  it.each([
    ["a local fragment", "url(#gradient)"],
    ["a quoted local fragment", "url('#clip')"],
    ["a fragment with spaces", "url( #mask )"],
    ["an escaped hash", "url(\\23 gradient)"],
    ["a colour", "#123456"],
    ["a style without urls", "fill: red; stroke-width: 2"],
    ["a word containing url", "curly"],
  ])("keeps %s", (_label, value) => {
    expect(referencesOutside(value)).toBe(false);
  });
});
