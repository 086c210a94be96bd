/** The SAML XML check's worker thread (see saml-xml-pool.ts). */
export { inspectSamlXml } from "./saml-xml-structure.ts";
