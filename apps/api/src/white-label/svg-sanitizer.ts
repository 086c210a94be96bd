import { referencesOutside } from "./svg-references.ts";
import { svgStructureProblem } from "./svg-structure.ts";

type Purifier = ReturnType<typeof import("dompurify").default>;

/** What sanitising made of an SVG: the safe markup, or why the file is refused (a 400 on `dataBase64`). */
export type SvgSanitizeOutcome = { svg: string } | { refused: string };

let purifier: Promise<Purifier> | null = null;

const LINK_ATTRIBUTES = ["href", "xlink:href", "src"];

/** DOMPurify over a jsdom window, built on first use (jsdom is heavy and most requests never need it). */
export const loadPurifier = (): Promise<Purifier> => {
  purifier ??= (async () => {
    const [{ default: createDOMPurify }, { JSDOM }] = await Promise.all([
      import("dompurify"),
      import("jsdom"),
    ]);
    const purify = createDOMPurify(new JSDOM("").window as unknown as Parameters<typeof createDOMPurify>[0]);
    // Only same-document references (#id) survive: no fetching of external images, fonts or scripts,
    // whether through a link attribute or a CSS `url(` in any attribute (fill, filter, mask, style …).
    purify.addHook("afterSanitizeAttributes", (node) => {
      for (const { name, value } of Array.from(node.attributes)) {
        const external = LINK_ATTRIBUTES.includes(name)
          ? !value.trim().startsWith("#")
          : referencesOutside(value);
        if (external) {
          node.removeAttribute(name);
          purify.removed.push({ attribute: { name } as Attr, from: node });
        }
      }
    });
    return purify;
  })();
  return purifier;
};

const SCRIPTING_ELEMENTS = new Set([
  "script",
  "foreignobject",
  "iframe",
  "object",
  "embed",
  "handler",
  "listener",
]);

/**
 * An uploaded SVG made safe to serve: structurally abusive files are refused before DOMPurify
 * sees them, scripts are refused outright — a logo has no business carrying them — and
 * external references are stripped. Runs in the sanitiser's worker threads (see
 * `svg-sanitizer-pool.ts`), never on the server's event loop.
 */
export const sanitizeSvgMarkup = async (svg: string): Promise<SvgSanitizeOutcome> => {
  const problem = svgStructureProblem(svg);
  if (problem) return { refused: problem };
  const purify = await loadPurifier();
  const clean = purify.sanitize(svg, {
    USE_PROFILES: { svg: true, svgFilters: true },
    FORBID_TAGS: ["style", "foreignObject", "image", "a"],
  });
  const scripting = purify.removed.some((entry) => {
    if ("element" in entry && entry.element)
      return SCRIPTING_ELEMENTS.has(entry.element.nodeName.toLowerCase());
    if ("attribute" in entry && entry.attribute) return /^on/i.test(entry.attribute.name);
    return false;
  });
  if (scripting) return { refused: "The SVG contains scripts or event handlers" };
  if (!/^<svg[\s>]/i.test(clean.trim()))
    return { refused: "The SVG has no drawable content left after sanitising" };
  return {
    svg: clean.includes("xmlns=")
      ? clean
      : clean.replace(/^<svg/i, '<svg xmlns="http://www.w3.org/2000/svg"'),
  };
};
