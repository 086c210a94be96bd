import type { AppRouter } from "@tessera/api";
import type { DomainStatus } from "@tessera/domain";
import { countOf } from "@tessera/domain";
import type { inferRouterOutputs } from "@trpc/server";
import { Badge } from "./badge.tsx";
import { Card } from "./card.tsx";
import { More, Row } from "./health-parts.tsx";

type WhiteLabel = inferRouterOutputs<AppRouter>["organizations"]["health"]["whiteLabel"];

const DOMAIN_BADGES: Record<DomainStatus, { tone: "green" | "amber" | "red"; label: string }> = {
  PENDING: { tone: "amber", label: "Pending verification" },
  VERIFIED: { tone: "green", label: "Verified" },
  FAILED: { tone: "red", label: "Failed verification" },
  LAPSED: { tone: "red", label: "Lapsed" },
};

const DomainBadge = ({ status }: { status: DomainStatus }) => (
  <Badge tone={DOMAIN_BADGES[status].tone}>{DOMAIN_BADGES[status].label}</Badge>
);

const onOff = (on: boolean, active = on) =>
  on ? (
    <Badge tone={active ? "green" : "amber"}>{active ? "On" : "On, not in this tier"}</Badge>
  ) : (
    <Badge>Off</Badge>
  );

/**
 * White-label status at a glance. `domainPending`: the grading still counts an unverified
 * domain as pending (inside its verification window), whatever the last check said.
 */
export const WhiteLabelCard = ({
  whiteLabel,
  domainPending,
  link,
}: {
  whiteLabel: WhiteLabel;
  domainPending: boolean;
  link: string | null;
}) => (
  <Card title="White-label" actions={<More to={link}>White-label settings</More>}>
    <dl className="divide-y divide-slate-100 dark:divide-slate-800">
      <Row label="Branding">
        {onOff(whiteLabel.branding.enabled, whiteLabel.branding.active)}
        {whiteLabel.branding.companyName && <span className="ml-2">{whiteLabel.branding.companyName}</span>}
      </Row>
      <Row label="Custom domain">
        {whiteLabel.domain ? (
          <>
            <span className="mr-2 font-mono">{whiteLabel.domain.hostname}</span>
            <DomainBadge status={domainPending ? "PENDING" : whiteLabel.domain.status} />
          </>
        ) : (
          "None"
        )}
      </Row>
      <Row label="Single sign-on">
        {whiteLabel.sso ? (
          <>
            <span className="mr-2">{whiteLabel.sso.protocol}</span>
            {onOff(true, whiteLabel.sso.active)}
          </>
        ) : (
          "Not set up"
        )}
      </Row>
      <Row label="API access">
        {onOff(whiteLabel.api.enabled, whiteLabel.api.active)}
        <span className="ml-2">{countOf(whiteLabel.api.activeKeys, "active key")}</span>
      </Row>
      <Row label="Feature toggles">{whiteLabel.featureToggles}</Row>
      <Row label="Webhooks">
        {whiteLabel.integrations}
        {whiteLabel.deadWebhookDeliveries > 0 && (
          <Badge tone="red">{whiteLabel.deadWebhookDeliveries} failed this week</Badge>
        )}
      </Row>
    </dl>
  </Card>
);
