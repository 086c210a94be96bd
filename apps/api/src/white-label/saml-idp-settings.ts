import { DomainError, requireSecureUrl } from "@tessera/domain";
import type { AppDeps } from "../context.ts";
import { requireOutboundUrl } from "../egress/outbound-url.ts";

type SamlDeps = Pick<AppDeps, "config" | "egress" | "samlXml">;
const MAX_METADATA_BYTES = 256 * 1024;

/** The IdP as the admin gave it: metadata (pasted or by URL) or the three values by hand. */
interface SamlIdpInput {
  metadataXml?: string | undefined;
  metadataUrl?: string | undefined;
  entityId?: string | undefined;
  ssoUrl?: string | undefined;
  certificate?: string | undefined;
}

const invalid = (field: string, message: string) => new DomainError("VALIDATION_FAILED", message, { field });

/** The metadata document behind a URL, through the outbound-address policy, size-capped. */
const fetchMetadata = async (deps: SamlDeps, url: string): Promise<string> => {
  requireOutboundUrl("metadataUrl", url, deps.config.ALLOW_INSECURE_LOOPBACK);
  let response: Awaited<ReturnType<SamlDeps["egress"]["fetch"]>>;
  try {
    response = await deps.egress.fetch(url, {
      headers: { accept: "application/samlmetadata+xml, application/xml, text/xml" },
      signal: AbortSignal.timeout(10_000),
    });
  } catch {
    throw invalid("metadataUrl", "could not be fetched");
  }
  if (!response.ok) throw invalid("metadataUrl", `answered HTTP ${response.status}`);
  const body = await response.text();
  if (Buffer.byteLength(body) > MAX_METADATA_BYTES) throw invalid("metadataUrl", "is larger than 256 KiB");
  return body;
};

/** entityID, the HTTP-Redirect sign-in URL and the signing certificate, read off the main thread. */
const readMetadata = async (deps: SamlDeps, xml: string, field: string) => {
  const outcome = await deps.samlXml.inspect(xml, true);
  if ("refused" in outcome) throw invalid(field, `IdP metadata ${outcome.refused}`);
  const { entityId, ssoUrl, certificate } = outcome.metadata ?? {};
  if (outcome.root.local !== "EntityDescriptor" && outcome.root.local !== "EntitiesDescriptor")
    throw invalid(field, "is not SAML metadata (no EntityDescriptor)");
  if (!entityId) throw invalid(field, "names no entityID");
  if (!ssoUrl) throw invalid(field, "has no SingleSignOnService with the HTTP-Redirect binding");
  if (!certificate) throw invalid(field, "has no signing certificate");
  return { entityId, ssoUrl, certificate };
};

/**
 * Resolve the identity provider's entity id, sign-in URL and certificate from what the admin
 * gave; explicit values win over the metadata's. Throws VALIDATION_FAILED naming the field.
 */
export const resolveSamlIdp = async (deps: SamlDeps, input: SamlIdpInput) => {
  const source = input.metadataXml ? "metadataXml" : input.metadataUrl ? "metadataUrl" : null;
  const fromMetadata =
    source === "metadataXml" && input.metadataXml
      ? await readMetadata(deps, input.metadataXml, "metadataXml")
      : source === "metadataUrl" && input.metadataUrl
        ? await readMetadata(deps, await fetchMetadata(deps, input.metadataUrl), "metadataUrl")
        : null;
  const entityId = input.entityId ?? fromMetadata?.entityId;
  const ssoUrl = input.ssoUrl ?? fromMetadata?.ssoUrl;
  const certificate = input.certificate ?? fromMetadata?.certificate;
  if (!entityId) throw invalid("entityId", "is required");
  if (!ssoUrl) throw invalid("ssoUrl", "is required");
  if (!certificate) throw invalid("certificate", "is required");
  requireSecureUrl(source && !input.ssoUrl ? source : "ssoUrl", ssoUrl, deps.config.ALLOW_INSECURE_LOOPBACK);
  return {
    entityId: entityId.slice(0, 1024),
    ssoUrl,
    certificate,
    ...(input.metadataUrl ? { metadataUrl: input.metadataUrl } : {}),
  };
};
