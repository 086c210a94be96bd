/**
 * Which CSS-bearing values point outside the document. A logo may only reference its own
 * parts (`url(#gradient)`); anything else (`url(https://…)`, `url(/x)`, `url(data:…)`) would
 * make every viewer's browser fetch something we did not vet.
 */

const HEX_ESCAPE = /\\(?:([0-9a-fA-F]{1,6})[ \t\n\f]?|\r\n|[\n\r\f]|([\s\S]))/g;
const COMMENT = /\/\*[\s\S]*?(?:\*\/|$)/g;
/** Functions that load a resource: `url(`, `src(` and the image functions that take a bare string. */
const LOADING_FUNCTION =
  /(?:url|src|image|image-set|-webkit-image-set|cross-fade)\s*\(\s*(['"]?)\s*([^)'"\s]*)/gi;

/** CSS escapes (`\72`, `\75 `, `\(`) resolved as a browser would before it reads the value. */
export const cssUnescape = (value: string): string =>
  value.replace(HEX_ESCAPE, (_match, hex: string | undefined, char: string | undefined) => {
    if (hex === undefined) return char ?? "";
    const codePoint = Number.parseInt(hex, 16);
    const valid = codePoint > 0 && codePoint <= 0x10ffff && (codePoint < 0xd800 || codePoint > 0xdfff);
    return String.fromCodePoint(valid ? codePoint : 0xfffd);
  });

const loadsExternal = (css: string): boolean => {
  for (const match of css.matchAll(LOADING_FUNCTION)) {
    const quote = match[1] ?? "";
    const target = match[2] ?? "";
    // `image-set("a.png" 1x)`: a quoted argument is a URL for the image functions too.
    const name = match[0].slice(0, match[0].indexOf("(")).trim().toLowerCase();
    if (name !== "url" && name !== "src" && quote === "") continue;
    if (!target.startsWith("#")) return true;
  }
  return /@import|expression\s*\(/i.test(css);
};

/**
 * True when the attribute value (a presentation attribute such as `fill` or `filter`, or a
 * whole `style`) loads anything but a same-document fragment, after CSS unescaping. Read
 * both with and without comments, so neither `u/**\/rl(` tricks nor `url("/*x*\/#a")` pass.
 */
export const referencesOutside = (value: string): boolean => {
  const unescaped = cssUnescape(value.replace(/\0/g, "\uFFFD"));
  return loadsExternal(unescaped) || loadsExternal(unescaped.replace(COMMENT, ""));
};
