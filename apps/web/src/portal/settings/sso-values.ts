import type { AppRouter } from "@tessera/api";
import type { SsoProtocol } from "@tessera/domain";
import type { inferRouterOutputs } from "@trpc/server";

export type SsoSettings = NonNullable<inferRouterOutputs<AppRouter>["whiteLabel"]["sso"]>;

export interface SsoValues {
  protocol: SsoProtocol;
  issuer: string;
  clientId: string;
  clientSecret: string;
  entityId: string;
  ssoUrl: string;
  certificate: string;
  allowedDomains: string;
  enforced: boolean;
}

export const valuesOf = (saved: SsoSettings | null): SsoValues => ({
  protocol: saved?.protocol ?? "OIDC",
  issuer: saved?.protocol === "OIDC" ? saved.issuer : "",
  clientId: saved?.protocol === "OIDC" ? saved.clientId : "",
  clientSecret: "",
  entityId: saved?.protocol === "SAML" ? saved.entityId : "",
  ssoUrl: saved?.protocol === "SAML" ? saved.ssoUrl : "",
  certificate: saved?.protocol === "SAML" ? saved.certificate : "",
  allowedDomains: saved?.allowedDomains.join("\n") ?? "",
  enforced: saved?.enforced ?? false,
});

/** Domains typed one a line or separated by commas. */
const domainList = (value: string) =>
  value
    .split(/[\s,;]+/)
    .map((domain) => domain.trim())
    .filter(Boolean);

export const inputOf = (values: SsoValues) => {
  const shared = { allowedDomains: domainList(values.allowedDomains), enforced: values.enforced };
  return values.protocol === "OIDC"
    ? {
        protocol: "OIDC" as const,
        issuer: values.issuer,
        clientId: values.clientId,
        ...(values.clientSecret ? { clientSecret: values.clientSecret } : {}),
        ...shared,
      }
    : {
        protocol: "SAML" as const,
        entityId: values.entityId,
        ssoUrl: values.ssoUrl,
        certificate: values.certificate,
        ...shared,
      };
};
