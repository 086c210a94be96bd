import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { AppRouter } from "@tessera/api";
import { CUSTOMIZATION_TYPES, type CustomizationType } from "@tessera/domain";
import type { inferRouterOutputs } from "@trpc/server";
import { type ReactNode, useState } from "react";
import { Badge } from "../components/badge.tsx";
import { Button } from "../components/button.tsx";
import { Card } from "../components/card.tsx";
import { ConfirmDialog } from "../components/confirm-dialog.tsx";
import { ErrorAlert } from "../components/error-alert.tsx";
import { formatDate } from "../components/format-date.ts";
import { Detail } from "../components/organization-fields.tsx";
import { QueryState } from "../components/query-state.tsx";
import { useTRPC } from "../trpc.ts";
import { SsoDomainClaims } from "./sso-domain-claims.tsx";

type OrganizationConfig = inferRouterOutputs<AppRouter>["whiteLabel"]["organizationConfig"];

const TYPE_LABEL: Record<CustomizationType, string> = {
  BRANDING: "Branding",
  DOMAIN: "Custom domain",
  SSO: "Single sign-on",
  API: "API access",
  FEATURE: "Feature toggles",
  INTEGRATION: "Integrations",
};

const DOMAIN_TONE = { PENDING: "amber", VERIFIED: "green", FAILED: "red" } as const;

/** Staff admins remove one record, after confirming (e.g. an SSO setup that locks the customer out). */
const DeleteRecord = ({
  organizationId,
  customizationId,
  what,
}: {
  organizationId: string;
  customizationId: string;
  what: string;
}) => {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [open, setOpen] = useState(false);
  const remove = useMutation(
    trpc.whiteLabel.deleteOrganizationCustomization.mutationOptions({
      onSuccess: async () => {
        setOpen(false);
        await Promise.all([
          queryClient.invalidateQueries({
            queryKey: trpc.whiteLabel.organizationConfig.queryKey({ organizationId }),
          }),
          queryClient.invalidateQueries({ queryKey: trpc.audit.pathKey() }),
        ]);
      },
    }),
  );
  return (
    <>
      <Button variant="secondary" aria-label={`Delete ${what}`} onClick={() => setOpen(true)}>
        Delete
      </Button>
      <ConfirmDialog
        open={open}
        title={`Delete ${what}?`}
        confirmLabel="Delete"
        busy={remove.isPending}
        busyLabel="Deleting…"
        onCancel={() => {
          setOpen(false);
          remove.reset();
        }}
        onConfirm={() => remove.mutate({ organizationId, customizationId })}
      >
        <p>The customer's setting is removed at once and the change is audited. They can set it up again.</p>
        <ErrorAlert error={remove.error} title="Not deleted" />
      </ConfirmDialog>
    </>
  );
};

/** One kind of record: its title, a delete button for staff admins, and what it holds. */
const Section = ({ title, action, children }: { title: string; action?: ReactNode; children: ReactNode }) => (
  <section aria-label={title} className="border-t border-slate-200 dark:border-slate-700 pt-4">
    <div className="mb-3 flex items-center justify-between gap-4">
      <h3 className="text-sm font-semibold text-slate-900 dark:text-slate-100">{title}</h3>
      {action}
    </div>
    {children}
  </section>
);

const Swatch = ({ label, colour }: { label: string; colour: string }) => (
  <span className="flex items-center gap-2">
    <span
      aria-hidden
      className="size-6 rounded border border-slate-300 dark:border-slate-600"
      style={{ backgroundColor: colour }}
    />
    <span>
      {label} <span className="font-mono">{colour}</span>
    </span>
  </span>
);

const Gates = ({ config }: { config: OrganizationConfig }) => (
  <ul className="flex flex-wrap gap-2">
    {CUSTOMIZATION_TYPES.map((type) => {
      const gate = config.gates[type];
      return (
        <li key={type}>
          <Badge tone={gate.allowed ? "green" : "slate"}>
            {TYPE_LABEL[type]}: {gate.allowed ? "included" : `needs ${gate.requiredTier}`}
          </Badge>
        </li>
      );
    })}
  </ul>
);

const BrandingDetails = ({ config, canDelete }: { config: OrganizationConfig; canDelete: boolean }) => {
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

const DomainDetails = ({ config, canDelete }: { config: OrganizationConfig; canDelete: boolean }) => {
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
            <span className="font-mono">{domain.hostname}</span>{" "}
            <Badge tone={DOMAIN_TONE[domain.status]}>{domain.status}</Badge>
          </Detail>
          <Detail label="Result">{domain.reason ?? "Not checked yet"}</Detail>
          <Detail label="Last checked">{formatDate(domain.checkedAt)}</Detail>
        </dl>
      ) : (
        <p className="text-sm text-slate-600 dark:text-slate-300">None.</p>
      )}
    </Section>
  );
};

const SsoDetails = ({ config, canDelete }: { config: OrganizationConfig; canDelete: boolean }) => {
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
              : formatDate(sso.certificateExpiresAt)}
          </Detail>
          <Detail label="Allowed email domains">{sso.allowedDomains.join(", ")}</Detail>
          <Detail label="Email domain proofs">
            <SsoDomainClaims organizationId={config.organizationId} />
          </Detail>
          <Detail label="Password sign-in">{sso.enforced ? "Off (SSO enforced)" : "Allowed"}</Detail>
          <Detail label="Changed">{formatDate(sso.updatedAt)}</Detail>
        </dl>
      ) : (
        <p className="text-sm text-slate-600 dark:text-slate-300">None.</p>
      )}
    </Section>
  );
};

const ApiDetails = ({ config }: { config: OrganizationConfig }) => (
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

const FeatureToggleDetails = ({ config, canDelete }: { config: OrganizationConfig; canDelete: boolean }) => (
  <Section title="Feature toggles">
    {config.featureToggles.length === 0 ? (
      <p className="text-sm text-slate-600 dark:text-slate-300">None.</p>
    ) : (
      <ul className="divide-y divide-slate-100 dark:divide-slate-800 text-sm">
        {config.featureToggles.map((toggle) => (
          <li key={toggle.id} className="flex items-center justify-between gap-4 py-2">
            <span>
              <span className="font-mono text-slate-900 dark:text-slate-100">{toggle.key}</span>{" "}
              {toggle.enabled ? <Badge tone="green">On</Badge> : <Badge>Off</Badge>}
              {toggle.description && (
                <span className="block text-slate-600 dark:text-slate-300">{toggle.description}</span>
              )}
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
      <p className="mt-2 text-sm text-slate-600 dark:text-slate-300">
        The tier does not include feature toggles: the platform sees none.
      </p>
    )}
  </Section>
);

const IntegrationDetails = ({ config, canDelete }: { config: OrganizationConfig; canDelete: boolean }) => (
  <Section title="Integrations">
    {config.integrations.length === 0 ? (
      <p className="text-sm text-slate-600 dark:text-slate-300">None.</p>
    ) : (
      <ul className="divide-y divide-slate-100 dark:divide-slate-800 text-sm">
        {config.integrations.map((integration) => (
          <li key={integration.id} className="flex items-start justify-between gap-4 py-2">
            <span className="min-w-0">
              <span className="font-medium text-slate-900 dark:text-slate-100">{integration.name}</span>{" "}
              {integration.enabled ? <Badge tone="green">Enabled</Badge> : <Badge>Disabled</Badge>}
              <span className="block break-all font-mono text-xs text-slate-700 dark:text-slate-300">
                {integration.url}
              </span>
              <span className="block text-xs text-slate-600 dark:text-slate-300">
                {integration.events.join(", ")}
              </span>
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

/** An organisation's effective white-label configuration, for staff; admins may delete a record. */
export const WhiteLabelOverview = ({
  organizationId,
  canDelete,
}: {
  organizationId: string;
  canDelete: boolean;
}) => {
  const trpc = useTRPC();
  const config = useQuery(trpc.whiteLabel.organizationConfig.queryOptions({ organizationId }));
  return (
    <Card title="White-label">
      <QueryState query={config}>
        {(data) => (
          <div className="space-y-4">
            <div className="flex flex-wrap items-center gap-3 text-sm">
              <span className="font-medium text-slate-800 dark:text-slate-200">
                Tier: {data.tier ?? "no license in force"}
              </span>
              <Gates config={data} />
            </div>
            <BrandingDetails config={data} canDelete={canDelete} />
            <DomainDetails config={data} canDelete={canDelete} />
            <SsoDetails config={data} canDelete={canDelete} />
            <ApiDetails config={data} />
            <FeatureToggleDetails config={data} canDelete={canDelete} />
            <IntegrationDetails config={data} canDelete={canDelete} />
          </div>
        )}
      </QueryState>
    </Card>
  );
};
