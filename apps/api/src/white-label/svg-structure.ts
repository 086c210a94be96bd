import { SVG_MAX_ATTRIBUTES, SVG_MAX_DEPTH, SVG_MAX_ELEMENTS } from "@tessera/domain";
import { SaxesParser } from "saxes";

class Refused extends Error {}

const refuse = (reason: string): never => {
  throw new Refused(reason);
};

/**
 * A streaming pass over the SVG before anything builds a DOM of it (in the worker thread too): DOMPurify's cost grows
 * with nesting depth (thousands of nested groups stall it for seconds or overflow its stack),
 * so structurally abusive files are refused here in linear time. Also refused: markup that is
 * not well-formed XML (browsers will not render it as an image anyway), a DOCTYPE with an
 * internal subset (entity declarations: billion-laughs, external entities) and processing
 * instructions (`<?xml-stylesheet?>` loads CSS). A bare DOCTYPE naming the SVG 1.1 DTD, as
 * drawing programs write, is harmless: nothing fetches it. Returns what is wrong, or null.
 */
export const svgStructureProblem = (svg: string): string | null => {
  const parser = new SaxesParser({ position: false });
  let depth = 0;
  let elements = 0;
  let attributes = 0;
  parser.on("doctype", (doctype) => {
    if (doctype.includes("["))
      refuse("declares entities or a DOCTYPE internal subset, which a logo never needs");
  });
  parser.on("processinginstruction", ({ target }) =>
    refuse(`contains a processing instruction (<?${target.slice(0, 32)}?>), which a logo never needs`),
  );
  parser.on("opentagstart", () => {
    depth++;
    elements++;
    if (depth > SVG_MAX_DEPTH) refuse(`nests elements more than ${SVG_MAX_DEPTH} levels deep`);
    if (elements > SVG_MAX_ELEMENTS)
      refuse(`has more than ${SVG_MAX_ELEMENTS.toLocaleString("en")} elements`);
  });
  parser.on("attribute", () => {
    attributes++;
    if (attributes > SVG_MAX_ATTRIBUTES)
      refuse(`has more than ${SVG_MAX_ATTRIBUTES.toLocaleString("en")} attributes`);
  });
  parser.on("closetag", () => {
    depth--;
  });
  parser.on("error", (error) => refuse(`is not well-formed XML (${error.message.split("\n")[0]})`));
  try {
    parser.write(svg).close();
    return null;
  } catch (error) {
    if (!(error instanceof Refused)) throw error;
    return `The SVG ${error.message}`;
  }
};
