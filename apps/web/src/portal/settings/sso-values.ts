import type { AppRouter } from "@tessera/api";
import type { SsoProtocol } from "@tessera/domain";
import type { inferRouterOutputs } from "@trpc/server";

export type SsoSettings = NonNullable<inferRouterOutputs<AppRouter>["whiteLabel"]["sso"]>;

export const SAML_SOURCES = ["METADATA_URL", "METADATA_XML", "MANUAL"] as const;
export type SamlSource = (typeof SAML_SOURCES)[number];

export interface SsoValues {
  protocol: SsoProtocol;
  issuer: string;
  clientId: string;
  clientSecret: string;
  entityId: string;
  ssoUrl: string;
  certificate: string;
  samlSource: SamlSource;
  metadataUrl: string;
  metadataXml: string;
  allowedDomains: string;
  enforced: boolean;
  jitProvisioning: boolean;
  defaultRole: "MEMBER" | "ADMIN";
}

export const valuesOf = (saved: SsoSettings | null): SsoValues => ({
  protocol: saved?.protocol ?? "OIDC",
  issuer: saved?.protocol === "OIDC" ? saved.issuer : "",
  clientId: saved?.protocol === "OIDC" ? saved.clientId : "",
  clientSecret: "",
  entityId: saved?.protocol === "SAML" ? saved.entityId : "",
  ssoUrl: saved?.protocol === "SAML" ? saved.ssoUrl : "",
  certificate: saved?.protocol === "SAML" ? saved.certificate : "",
  // a setup saved from a metadata URL is read from it again on each save; others show their details
  samlSource: saved?.protocol === "SAML" && !saved.metadataUrl ? "MANUAL" : "METADATA_URL",
  metadataUrl: saved?.protocol === "SAML" ? (saved.metadataUrl ?? "") : "",
  metadataXml: "",
  allowedDomains: saved?.allowedDomains.join("\n") ?? "",
  enforced: saved?.enforced ?? false,
  jitProvisioning: saved?.jitProvisioning ?? false,
  defaultRole: saved?.defaultRole === "ADMIN" ? "ADMIN" : "MEMBER",
});

/** Domains typed one a line or separated by commas. */
const domainList = (value: string) =>
  value
    .split(/[\s,;]+/)
    .map((domain) => domain.trim())
    .filter(Boolean);

/** Only the chosen way of describing the provider is sent. */
const samlSourceInput = (values: SsoValues) =>
  values.samlSource === "METADATA_URL"
    ? { metadataUrl: values.metadataUrl }
    : values.samlSource === "METADATA_XML"
      ? { metadataXml: values.metadataXml }
      : { entityId: values.entityId, ssoUrl: values.ssoUrl, certificate: values.certificate };

export const inputOf = (values: SsoValues) => {
  const shared = {
    allowedDomains: domainList(values.allowedDomains),
    enforced: values.enforced,
    jitProvisioning: values.jitProvisioning,
    defaultRole: values.defaultRole,
  };
  return values.protocol === "OIDC"
    ? {
        protocol: "OIDC" as const,
        issuer: values.issuer,
        clientId: values.clientId,
        ...(values.clientSecret ? { clientSecret: values.clientSecret } : {}),
        ...shared,
      }
    : { protocol: "SAML" as const, ...samlSourceInput(values), ...shared };
};
