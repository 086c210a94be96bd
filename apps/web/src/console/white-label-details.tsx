import { Badge } from "@tessera/ui";
import { useDateFormat } from "../components/dates/use-date-format.ts";
import { DomainStatusBadge } from "../components/domain-status-badge.tsx";
import { Detail } from "../components/organization-fields.tsx";
import { SsoDomainClaims } from "./sso-domain-claims.tsx";
import type { OrganizationConfig } from "./white-label-config.ts";
import { DeleteRecord, Section, Swatch } from "./white-label-record.tsx";

export const BrandingDetails = ({
  config,
  canDelete,
}: {
  config: OrganizationConfig;
  canDelete: boolean;
}) => {
  const { branding } = config;
  const shown = branding.effective;
  return (
    <Section
      title="Branding"
      action={
        canDelete &&
        branding.id && (
          <DeleteRecord
            organizationId={config.organizationId}
            customizationId={branding.id}
            what="the branding"
          />
        )
      }
    >
      <div className="mb-3 flex flex-wrap gap-2">
        {branding.active ? (
          <Badge tone="green">Showing their branding</Badge>
        ) : (
          <Badge>
            {branding.saved
              ? branding.enabled
                ? "Saved, tier does not include it"
                : "Saved, switched off"
              : "Not set"}
          </Badge>
        )}
      </div>
      <dl className="grid gap-4 md:grid-cols-3">
        <Detail label="Company name (shown)">{shown.companyName}</Detail>
        <Detail label="Logo">
          {shown.logoSrc ? (
            <img
              src={shown.logoSrc}
              alt={`${shown.companyName} logo`}
              className="h-10 w-auto max-w-40 object-contain"
            />
          ) : (
            "None"
          )}
        </Detail>
        <Detail label="Colours (shown)">
          <span className="flex flex-col gap-1">
            <Swatch label="Primary" colour={shown.primaryColor} />
            <Swatch label="Secondary" colour={shown.secondaryColor} />
            <Swatch label="Accent" colour={shown.accentColor} />
          </span>
        </Detail>
      </dl>
      {branding.saved && branding.saved.warnings.length > 0 && (
        <ul className="mt-3 list-disc pl-5 text-sm text-amber-900 dark:text-amber-200">
          {branding.saved.warnings.map((warning) => (
            <li key={warning.field}>{warning.message}</li>
          ))}
        </ul>
      )}
    </Section>
  );
};

export const DomainDetails = ({ config, canDelete }: { config: OrganizationConfig; canDelete: boolean }) => {
  const dates = useDateFormat();
  const { domain } = config;
  return (
    <Section
      title="Custom domain"
      action={
        canDelete &&
        domain && (
          <DeleteRecord
            organizationId={config.organizationId}
            customizationId={domain.id}
            what={`the domain ${domain.hostname}`}
          />
        )
      }
    >
      {domain ? (
        <dl className="grid gap-4 md:grid-cols-3">
          <Detail label="Hostname">
            <span className="font-mono">{domain.hostname}</span> <DomainStatusBadge status={domain.status} />
          </Detail>
          <Detail label="Result">{domain.reason ?? "Not checked yet"}</Detail>
          <Detail label="Last checked">{dates.instant(domain.checkedAt)}</Detail>
          <Detail label="Routing">{domain.routing?.reason ?? "Not checked yet"}</Detail>
          {domain.proofMissingSince && (
            <Detail label="Proof missing since">{dates.instant(domain.proofMissingSince)}</Detail>
          )}
        </dl>
      ) : (
        <p className="text-sm text-fg-muted">None.</p>
      )}
    </Section>
  );
};

export const SsoDetails = ({ config, canDelete }: { config: OrganizationConfig; canDelete: boolean }) => {
  const dates = useDateFormat();
  const { sso } = config;
  return (
    <Section
      title="Single sign-on"
      action={
        canDelete &&
        sso && (
          <DeleteRecord
            organizationId={config.organizationId}
            customizationId={sso.id}
            what="the single sign-on setup"
          />
        )
      }
    >
      {sso ? (
        <dl className="grid gap-4 md:grid-cols-3">
          <Detail label="Protocol">
            {sso.protocol}{" "}
            {sso.active ? <Badge tone="green">Active</Badge> : <Badge>Tier does not include it</Badge>}
          </Detail>
          <Detail label={sso.protocol === "OIDC" ? "Issuer · client ID" : "IdP entity ID"}>
            <span className="break-all">
              {sso.protocol === "OIDC" ? `${sso.issuer} · ${sso.clientId}` : sso.entityId}
            </span>
          </Detail>
          <Detail label={sso.protocol === "OIDC" ? "Client secret" : "Certificate expires"}>
            {sso.protocol === "OIDC"
              ? sso.hasClientSecret
                ? "Stored (encrypted)"
                : "Missing"
              : dates.instant(sso.certificateExpiresAt)}
          </Detail>
          <Detail label="Allowed email domains">{sso.allowedDomains.join(", ")}</Detail>
          <Detail label="Email domain proofs">
            <SsoDomainClaims organizationId={config.organizationId} />
          </Detail>
          <Detail label="Password sign-in">{sso.enforced ? "Off (SSO enforced)" : "Allowed"}</Detail>
          <Detail label="Changed">{dates.instant(sso.updatedAt)}</Detail>
        </dl>
      ) : (
        <p className="text-sm text-fg-muted">None.</p>
      )}
    </Section>
  );
};

export const ApiDetails = ({ config }: { config: OrganizationConfig }) => (
  <Section title="API access">
    <dl className="grid gap-4 md:grid-cols-3">
      <Detail label="Status">
        {config.api.active ? (
          <Badge tone="green">On</Badge>
        ) : (
          <Badge>{config.api.enabled ? "On, tier does not include it" : "Off"}</Badge>
        )}
      </Detail>
      <Detail label="Rate limit">
        {config.api.requestsPerMinute === null
          ? "—"
          : `${config.api.requestsPerMinute.toLocaleString()} requests/min`}
      </Detail>
      <Detail label="Active keys">{config.api.activeKeys}</Detail>
    </dl>
  </Section>
);

export const FeatureToggleDetails = ({
  config,
  canDelete,
}: {
  config: OrganizationConfig;
  canDelete: boolean;
}) => (
  <Section title="Feature toggles">
    {config.featureToggles.length === 0 ? (
      <p className="text-sm text-fg-muted">None.</p>
    ) : (
      <ul className="divide-y divide-line text-sm">
        {config.featureToggles.map((toggle) => (
          <li key={toggle.id} className="flex items-center justify-between gap-4 py-2">
            <span>
              <span className="font-mono text-fg">{toggle.key}</span>{" "}
              {toggle.enabled ? <Badge tone="green">On</Badge> : <Badge>Off</Badge>}
              {toggle.description && <span className="block text-fg-muted">{toggle.description}</span>}
            </span>
            {canDelete && (
              <DeleteRecord
                organizationId={config.organizationId}
                customizationId={toggle.id}
                what={`the toggle ${toggle.key}`}
              />
            )}
          </li>
        ))}
      </ul>
    )}
    {config.featureToggles.length > 0 && !config.featureTogglesActive && (
      <p className="mt-2 text-sm text-fg-muted">
        The tier does not include feature toggles: the platform sees none.
      </p>
    )}
  </Section>
);

export const IntegrationDetails = ({
  config,
  canDelete,
}: {
  config: OrganizationConfig;
  canDelete: boolean;
}) => (
  <Section title="Integrations">
    {config.integrations.length === 0 ? (
      <p className="text-sm text-fg-muted">None.</p>
    ) : (
      <ul className="divide-y divide-line text-sm">
        {config.integrations.map((integration) => (
          <li key={integration.id} className="flex items-start justify-between gap-4 py-2">
            <span className="min-w-0">
              <span className="font-medium text-fg">{integration.name}</span>{" "}
              {integration.enabled ? <Badge tone="green">Enabled</Badge> : <Badge>Disabled</Badge>}
              <span className="block break-all font-mono text-xs text-fg-muted">{integration.url}</span>
              <span className="block text-xs text-fg-muted">{integration.events.join(", ")}</span>
            </span>
            {canDelete && (
              <DeleteRecord
                organizationId={config.organizationId}
                customizationId={integration.id}
                what={`the webhook ${integration.name}`}
              />
            )}
          </li>
        ))}
      </ul>
    )}
  </Section>
);
