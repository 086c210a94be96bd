import { SaxesParser, type SaxesTagNS } from "saxes";

/** Past these a SAML message or IdP metadata is abuse, not federation. */
const SAML_MAX_DEPTH = 64;
const SAML_MAX_ELEMENTS = 10_000;
const HTTP_REDIRECT = "urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect";

/** What IdP metadata tells us: its entity id, HTTP-Redirect sign-in URL and signing certificate. */
interface IdpMetadata {
  entityId: string | null;
  ssoUrl: string | null;
  certificate: string | null;
}
/** The document element: a Response's Destination and InResponseTo are read before validation. */
interface SamlRoot {
  local: string;
  destination: string | null;
  inResponseTo: string | null;
}
export type SamlXmlOutcome = { refused: string } | { root: SamlRoot; metadata: IdpMetadata | null };

class Refused extends Error {}
const refuse = (reason: string): never => {
  throw new Refused(reason);
};

const pem = (base64: string) =>
  `-----BEGIN CERTIFICATE-----\n${(base64.replace(/\s+/g, "").match(/.{1,64}/g) ?? []).join("\n")}\n-----END CERTIFICATE-----`;

/** Reads the first entity's IDPSSODescriptor as the parse streams past it. */
const metadataReader = () => {
  const found: IdpMetadata = { entityId: null, ssoUrl: null, certificate: null };
  const path: string[] = [];
  let certificateText: string | null = null;
  const within = (name: string) => path.includes(name);
  const opentag = (tag: SaxesTagNS) => {
    const attr = (name: string) => tag.attributes[name]?.value;
    if (tag.local === "EntityDescriptor" && found.entityId === null)
      found.entityId = attr("entityID") ?? null;
    const inIdp = within("IDPSSODescriptor") && path.filter((p) => p === "EntityDescriptor").length === 1;
    if (inIdp && tag.local === "SingleSignOnService" && attr("Binding") === HTTP_REDIRECT)
      found.ssoUrl ??= attr("Location") ?? null;
    if (inIdp && tag.local === "KeyDescriptor" && attr("use") === "encryption") path.push("#encryption");
    if (inIdp && tag.local === "X509Certificate" && !within("#encryption") && found.certificate === null)
      certificateText = "";
    path.push(tag.local);
  };
  const text = (chunk: string) => {
    if (certificateText !== null) certificateText += chunk;
  };
  const closetag = (tag: SaxesTagNS) => {
    path.pop();
    if (tag.local === "KeyDescriptor" && path.at(-1) === "#encryption") path.pop();
    if (tag.local === "X509Certificate" && certificateText !== null) {
      found.certificate = pem(certificateText);
      certificateText = null;
    }
  };
  return { found, opentag, text, closetag };
};

/**
 * A streaming pass over SAML XML before any DOM is built of it: refuses DOCTYPEs (entity
 * expansion), processing instructions, nesting past SAML_MAX_DEPTH and more than
 * SAML_MAX_ELEMENTS elements, in linear time. With `readMetadata`, also reads IdP metadata.
 */
export const inspectSamlXml = (task: { xml: string; readMetadata: boolean }): SamlXmlOutcome => {
  const parser = new SaxesParser({ xmlns: true, position: false });
  let depth = 0;
  let elements = 0;
  parser.on("doctype", () => refuse("declares a DOCTYPE, which SAML never needs"));
  parser.on("processinginstruction", () => refuse("contains a processing instruction"));
  parser.on("opentagstart", () => {
    depth++;
    elements++;
    if (depth > SAML_MAX_DEPTH) refuse(`nests elements more than ${SAML_MAX_DEPTH} levels deep`);
    if (elements > SAML_MAX_ELEMENTS) refuse(`has more than ${SAML_MAX_ELEMENTS} elements`);
  });
  // saxes keeps one handler per event: the metadata reader is called from these
  const reader = task.readMetadata ? metadataReader() : null;
  parser.on("closetag", (tag) => {
    depth--;
    reader?.closetag(tag as SaxesTagNS);
  });
  let root: SamlRoot | null = null;
  parser.on("opentag", (tag) => {
    root ??= {
      local: tag.local,
      destination: tag.attributes.Destination?.value ?? null,
      inResponseTo: tag.attributes.InResponseTo?.value ?? null,
    };
    reader?.opentag(tag);
  });
  if (reader) parser.on("text", reader.text);
  parser.on("error", (error) => refuse(`is not well-formed XML (${error.message.split("\n")[0]})`));
  try {
    parser.write(task.xml).close();
    if (!root) return { refused: "is not XML" };
    return { root, metadata: reader?.found ?? null };
  } catch (error) {
    if (!(error instanceof Refused)) throw error;
    return { refused: error.message };
  }
};
