import { DomainError } from "@tessera/domain";

type Purifier = ReturnType<typeof import("dompurify").default>;

let purifier: Promise<Purifier> | null = null;

/** DOMPurify over a jsdom window, built on first use (jsdom is heavy and most requests never need it). */
const loadPurifier = (): Promise<Purifier> => {
  purifier ??= (async () => {
    const [{ default: createDOMPurify }, { JSDOM }] = await Promise.all([
      import("dompurify"),
      import("jsdom"),
    ]);
    const purify = createDOMPurify(new JSDOM("").window as unknown as Parameters<typeof createDOMPurify>[0]);
    // Only same-document references (#id) survive: no fetching of external images, fonts or scripts.
    purify.addHook("afterSanitizeAttributes", (node) => {
      for (const name of ["href", "xlink:href", "src"]) {
        const value = node.getAttribute(name);
        if (value !== null && !value.trim().startsWith("#")) {
          node.removeAttribute(name);
          purify.removed.push({ attribute: { name } as Attr, from: node });
        }
      }
      const style = node.getAttribute("style");
      if (style && /url\s*\(\s*['"]?(?!#)|@import|expression\s*\(/i.test(style)) {
        node.removeAttribute("style");
        purify.removed.push({ attribute: { name: "style" } as Attr, from: node });
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
 * An uploaded SVG made safe to serve: scripts are refused outright (400 on the file) —
 * a logo has no business carrying them — and external references are stripped.
 */
export const sanitizeSvg = async (svg: string): Promise<string> => {
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
  if (scripting) {
    throw new DomainError("VALIDATION_FAILED", "The SVG contains scripts or event handlers", {
      field: "dataBase64",
    });
  }
  if (!/^<svg[\s>]/i.test(clean.trim())) {
    throw new DomainError("VALIDATION_FAILED", "The SVG has no drawable content left after sanitising", {
      field: "dataBase64",
    });
  }
  return clean.includes("xmlns=")
    ? clean
    : clean.replace(/^<svg/i, '<svg xmlns="http://www.w3.org/2000/svg"');
};
