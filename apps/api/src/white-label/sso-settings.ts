import { X509Certificate } from "node:crypto";
import { DomainError, SINGLETON_KEY, type SsoInput } from "@tessera/domain";
import type { z } from "zod";
import { endPasswordSessions } from "../auth/session-revocation.ts";
import type { AppDeps, ServiceContext } from "../context.ts";
import { requireOutboundUrl } from "../egress/outbound-url.ts";
import { resolveSamlIdp } from "./saml-idp-settings.ts";
import { requireTestedForEnforcement } from "./sso-connection-test.ts";
import { claimSsoDomains } from "./sso-domains.ts";
import { findCustomization, requireAllowed, saveCustomization } from "./store.ts";
import { storedValue } from "./stored-value.ts";

type WhiteLabelDeps = Pick<AppDeps, "secrets" | "config" | "egress" | "samlXml">;
/** Provisioning may be left out by callers inside the API (it defaults to off). */
type ProvisioningOptional<T> = T extends unknown
  ? Omit<T, "jitProvisioning" | "defaultRole"> & {
      jitProvisioning?: boolean | undefined;
      defaultRole?: "MEMBER" | "ADMIN" | undefined;
    }
  : never;
type EnableSsoInput = ProvisioningOptional<z.output<typeof SsoInput>>;
/** SSO as anyone may see it: no secret, only whether one is stored. */
export const ssoView = (row: {
  id: string;
  value: Record<string, unknown>;
  secretCiphertext: string | null;
  version: number;
  updatedAt: Date;
}) => ({
  id: row.id,
  version: row.version,
  ...storedValue("SSO", row.value),
  hasClientSecret: row.secretCiphertext !== null,
  updatedAt: row.updatedAt,
});

const checkCertificate = (pem: string, now: Date) => {
  let certificate: X509Certificate;
  try {
    certificate = new X509Certificate(pem);
  } catch {
    throw new DomainError("VALIDATION_FAILED", "is not a readable X.509 certificate", {
      field: "certificate",
    });
  }
  const validFrom = new Date(certificate.validFrom);
  const validTo = new Date(certificate.validTo);
  if (validTo <= now) {
    throw new DomainError("VALIDATION_FAILED", `expired on ${validTo.toISOString()}`, {
      field: "certificate",
    });
  }
  if (validFrom > now) {
    throw new DomainError("VALIDATION_FAILED", `is not valid before ${validFrom.toISOString()}`, {
      field: "certificate",
    });
  }
  return {
    certificateSubject: certificate.subject.replace(/\n/g, ", "),
    certificateFingerprint256: certificate.fingerprint256,
    certificateExpiresAt: validTo.toISOString(),
  };
};

/** Configure OIDC or SAML single sign-on; the OIDC client secret is sealed and never returned. */
export const enableSSO = async (
  ctx: ServiceContext,
  deps: WhiteLabelDeps,
  organizationId: string,
  input: EnableSsoInput,
) => {
  const allowHttp = deps.config.ALLOW_INSECURE_LOOPBACK;
  const now = ctx.clock.now();
  const provisioning = {
    jitProvisioning: input.jitProvisioning ?? false,
    defaultRole: input.defaultRole ?? "MEMBER",
  };
  // fetched and read before the transaction: no network wait holds a lock, nothing is written on failure
  const idp = input.protocol === "SAML" ? await resolveSamlIdp(deps, input) : null;
  const samlValue = idp ? { ...idp, ...checkCertificate(idp.certificate, now) } : null;
  const row = await ctx.db.transaction(async (tx) => {
    await requireAllowed(tx, organizationId, "SSO", now);
    const current = await findCustomization(tx, organizationId, "SSO", SINGLETON_KEY);
    // Each listed domain becomes a claim that routes sign-ins only once its TXT record proves it.
    await claimSsoDomains(tx, ctx, deps, organizationId, input.allowedDomains, (i) => `allowedDomains.${i}`);
    const shared = { allowedDomains: input.allowedDomains, enforced: input.enforced, ...provisioning };
    let value: Record<string, unknown> = { protocol: "SAML", ...samlValue, ...shared };
    let secretCiphertext: string | null | undefined = null;
    if (input.protocol === "OIDC") {
      requireOutboundUrl("issuer", input.issuer, allowHttp);
      const keepSecret = current?.value.protocol === "OIDC" && current.secretCiphertext !== null;
      if (!input.clientSecret && !keepSecret) {
        throw new DomainError("VALIDATION_FAILED", "is required", { field: "clientSecret" });
      }
      value = {
        protocol: "OIDC",
        issuer: input.issuer.replace(/\/$/, ""),
        clientId: input.clientId,
        ...shared,
      };
      secretCiphertext = input.clientSecret ? deps.secrets.seal(input.clientSecret) : undefined;
    }
    if (input.enforced) {
      const next = { value, secretCiphertext: secretCiphertext ?? current?.secretCiphertext ?? null };
      await requireTestedForEnforcement(tx, organizationId, next, current ?? null);
      if (current?.value.enforced !== true) await endPasswordSessions(tx, ctx, organizationId);
    }
    return saveCustomization(tx, ctx, {
      organizationId,
      type: "SSO",
      key: SINGLETON_KEY,
      value,
      secretCiphertext,
      action: "white_label.sso_set",
    });
  });
  return ssoView(row);
};

export const getSSO = async (ctx: ServiceContext, organizationId: string) => {
  const row = await findCustomization(ctx.db, organizationId, "SSO", SINGLETON_KEY);
  return row ? ssoView(row) : null;
};
