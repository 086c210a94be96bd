import { randomBytes, webcrypto } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { inflateRawSync } from "node:zlib";
import "./reflect-shim.ts";
import * as x509 from "@peculiar/x509";
import samlify from "samlify";

/**
 * A SAML identity provider on 127.0.0.1 for the SAML tests and the browser tests: real
 * RSA-SHA256 XML signatures (xml-crypto through samlify) with a self-signed certificate
 * whose validity the caller chooses. Its sign-in page is a real form (email + Sign in) that
 * answers with an auto-submitting POST of a signed Response to the ACS the request named.
 */
export interface ResponseOptions {
  email: string;
  acsUrl: string;
  audience: string;
  inResponseTo?: string | undefined;
  /** Minutes from now; negative for an expired assertion. */
  validMinutes?: number;
  notBeforeMinutes?: number;
  /** Minutes the SubjectConfirmationData alone stays valid (default: as validMinutes). */
  confirmationMinutes?: number;
  /** The SubjectConfirmationData Recipient (default: acsUrl). */
  recipient?: string;
  signAssertion?: boolean;
  issuer?: string;
  nameInAttribute?: boolean;
}

export interface TestSamlIdp {
  url: string;
  entityId: string;
  ssoUrl: string;
  metadataUrl: string;
  certificate: string;
  metadataXml: string;
  /** A Response (XML, not yet base64) signed as configured. */
  response(options: ResponseOptions): string;
  close(): Promise<void>;
}

const pem = (label: string, der: ArrayBuffer) =>
  `-----BEGIN ${label}-----\n${(
    Buffer.from(der)
      .toString("base64")
      .match(/.{1,64}/g) ?? []
  ).join("\n")}\n-----END ${label}-----\n`;

const keyPair = async (validFrom: Date, validTo: Date) => {
  const algorithm = {
    name: "RSASSA-PKCS1-v1_5",
    hash: "SHA-256",
    publicExponent: new Uint8Array([1, 0, 1]),
    modulusLength: 2048,
  };
  const keys = await webcrypto.subtle.generateKey(algorithm, true, ["sign", "verify"]);
  const certificate = await x509.X509CertificateGenerator.createSelfSigned(
    {
      serialNumber: "01",
      name: "CN=Tessera Test IdP",
      notBefore: validFrom,
      notAfter: validTo,
      keys,
      signingAlgorithm: algorithm,
    },
    webcrypto as unknown as Crypto,
  );
  return {
    privateKey: pem("PRIVATE KEY", await webcrypto.subtle.exportKey("pkcs8", keys.privateKey)),
    certificate: certificate.toString("pem"),
  };
};

const escapeXml = (value: string) =>
  value.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
const minutes = (n: number) => new Date(Date.now() + n * 60_000).toISOString();
const id = () => `_${randomBytes(16).toString("hex")}`;

/** An unsigned Assertion: subject, conditions, authn statement and (optionally) attributes. */
export const assertionXml = (entityId: string, o: ResponseOptions, assertionId = id()) => {
  const until = minutes(o.validMinutes ?? 5);
  const inResponseTo = o.inResponseTo ? ` InResponseTo="${escapeXml(o.inResponseTo)}"` : "";
  const attributes = o.nameInAttribute
    ? `<saml:AttributeStatement><saml:Attribute Name="email"><saml:AttributeValue>${escapeXml(o.email)}</saml:AttributeValue></saml:Attribute><saml:Attribute Name="displayName"><saml:AttributeValue>Ada Lovelace</saml:AttributeValue></saml:Attribute></saml:AttributeStatement>`
    : "";
  const nameId = o.nameInAttribute ? "opaque-user-42" : escapeXml(o.email);
  return `<saml:Assertion xmlns:saml="urn:oasis:names:tc:SAML:2.0:assertion" ID="${assertionId}" Version="2.0" IssueInstant="${minutes(0)}"><saml:Issuer>${escapeXml(o.issuer ?? entityId)}</saml:Issuer><saml:Subject><saml:NameID Format="urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress">${nameId}</saml:NameID><saml:SubjectConfirmation Method="urn:oasis:names:tc:SAML:2.0:cm:bearer"><saml:SubjectConfirmationData NotOnOrAfter="${o.confirmationMinutes === undefined ? until : minutes(o.confirmationMinutes)}" Recipient="${escapeXml(o.recipient ?? o.acsUrl)}"${inResponseTo}/></saml:SubjectConfirmation></saml:Subject><saml:Conditions NotBefore="${minutes(o.notBeforeMinutes ?? -1)}" NotOnOrAfter="${until}"><saml:AudienceRestriction><saml:Audience>${escapeXml(o.audience)}</saml:Audience></saml:AudienceRestriction></saml:Conditions><saml:AuthnStatement AuthnInstant="${minutes(0)}" SessionIndex="${id()}"><saml:AuthnContext><saml:AuthnContextClassRef>urn:oasis:names:tc:SAML:2.0:ac:classes:PasswordProtectedTransport</saml:AuthnContextClassRef></saml:AuthnContext></saml:AuthnStatement>${attributes}</saml:Assertion>`;
};

const ASSERTION_XPATH = "/*[local-name(.)='Response']/*[local-name(.)='Assertion']";

export const startSamlIdp = async (
  validity: { from?: Date; to?: Date; port?: number } = {},
): Promise<TestSamlIdp> => {
  const { privateKey, certificate } = await keyPair(
    validity.from ?? new Date(Date.now() - 86_400_000),
    validity.to ?? new Date(Date.now() + 365 * 86_400_000),
  );
  let handle: (req: IncomingMessage, res: ServerResponse) => void = (_req, res) => res.end();
  const server = createServer((req, res) => handle(req, res));
  await new Promise<void>((resolve) => server.listen(validity.port ?? 0, "127.0.0.1", resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const entityId = `${url}/metadata`;
  const ssoUrl = `${url}/sso`;
  const bareCert = certificate.replace(/-----[A-Z ]+-----|\s/g, "");
  const metadataXml = `<?xml version="1.0"?>
<md:EntityDescriptor xmlns:md="urn:oasis:names:tc:SAML:2.0:metadata" xmlns:ds="http://www.w3.org/2000/09/xmldsig#" entityID="${entityId}">
  <md:IDPSSODescriptor protocolSupportEnumeration="urn:oasis:names:tc:SAML:2.0:protocol" WantAuthnRequestsSigned="false">
    <md:KeyDescriptor use="signing"><ds:KeyInfo><ds:X509Data><ds:X509Certificate>${bareCert}</ds:X509Certificate></ds:X509Data></ds:KeyInfo></md:KeyDescriptor>
    <md:NameIDFormat>urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress</md:NameIDFormat>
    <md:SingleSignOnService Binding="urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST" Location="${url}/sso-post"/>
    <md:SingleSignOnService Binding="urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect" Location="${ssoUrl}"/>
  </md:IDPSSODescriptor>
</md:EntityDescriptor>`;

  const sign = (xml: string) =>
    samlify.SamlLib.constructSAMLSignature({
      rawSamlMessage: xml,
      referenceTagXPath: ASSERTION_XPATH,
      privateKey,
      signingCert: bareCert,
      signatureAlgorithm: "http://www.w3.org/2001/04/xmldsig-more#rsa-sha256",
      isBase64Output: false,
      signatureConfig: {
        prefix: "ds",
        location: { reference: `${ASSERTION_XPATH}/*[local-name(.)='Issuer']`, action: "after" },
      },
    });

  const response = (o: ResponseOptions) => {
    const inResponseTo = o.inResponseTo ? ` InResponseTo="${escapeXml(o.inResponseTo)}"` : "";
    const xml = `<samlp:Response xmlns:samlp="urn:oasis:names:tc:SAML:2.0:protocol" xmlns:saml="urn:oasis:names:tc:SAML:2.0:assertion" ID="${id()}" Version="2.0" IssueInstant="${minutes(0)}" Destination="${escapeXml(o.acsUrl)}"${inResponseTo}><saml:Issuer>${escapeXml(entityId)}</saml:Issuer><samlp:Status><samlp:StatusCode Value="urn:oasis:names:tc:SAML:2.0:status:Success"/></samlp:Status>${assertionXml(entityId, o)}</samlp:Response>`;
    return o.signAssertion === false ? xml : sign(xml);
  };

  /** The AuthnRequest of an HTTP-Redirect: its ID and the ACS it wants the answer at. */
  const authnRequest = (samlRequest: string) => {
    const xml = inflateRawSync(Buffer.from(samlRequest, "base64")).toString("utf8");
    return {
      id: xml.match(/\sID="([^"]+)"/)?.[1] ?? "",
      acsUrl: xml.match(/AssertionConsumerServiceURL="([^"]+)"/)?.[1] ?? "",
      audience: xml.match(/<saml:Issuer[^>]*>([^<]+)</)?.[1] ?? "",
    };
  };

  const page = (res: ServerResponse, body: string) => {
    res.writeHead(200, { "Content-Type": "text/html; charset=utf-8" });
    res.end(`<!doctype html><html><head><title>Test IdP</title></head><body>${body}</body></html>`);
  };

  handle = (req, res) => {
    const at = new URL(req.url ?? "/", url);
    if (at.pathname === "/metadata") {
      res.writeHead(200, { "Content-Type": "application/samlmetadata+xml" });
      return void res.end(metadataXml);
    }
    if (at.pathname !== "/sso") return void res.writeHead(404).end();
    const samlRequest = at.searchParams.get("SAMLRequest") ?? "";
    const relayState = at.searchParams.get("RelayState") ?? "";
    const login = at.searchParams.get("login");
    if (!login) {
      const hidden = (name: string, value: string) =>
        `<input type="hidden" name="${name}" value="${escapeXml(value)}">`;
      return page(
        res,
        `<h1>Test identity provider</h1><form method="get" action="/sso">${hidden("SAMLRequest", samlRequest)}${hidden("RelayState", relayState)}<label for="login">Email</label><input id="login" name="login" type="email" required><button type="submit">Sign in</button></form>`,
      );
    }
    const request = authnRequest(samlRequest);
    const signed = response({
      email: login,
      acsUrl: request.acsUrl,
      audience: request.audience,
      inResponseTo: request.id,
    });
    page(
      res,
      `<form method="post" action="${escapeXml(request.acsUrl)}"><input type="hidden" name="SAMLResponse" value="${Buffer.from(signed).toString("base64")}"><input type="hidden" name="RelayState" value="${escapeXml(relayState)}"><noscript><button type="submit">Continue</button></noscript></form><script>document.forms[0].submit()</script>`,
    );
  };

  return {
    url,
    entityId,
    ssoUrl,
    metadataUrl: `${url}/metadata`,
    certificate,
    metadataXml,
    response,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
};
