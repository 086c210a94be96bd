import type { AppRouter } from "@tessera/api";
import { countOf } from "@tessera/domain";
import { Badge, Card } from "@tessera/ui";
import type { inferRouterOutputs } from "@trpc/server";
import { DomainStatusBadge } from "./domain-status-badge.tsx";
import { More, Row } from "./health-parts.tsx";

type WhiteLabel = inferRouterOutputs<AppRouter>["organizations"]["health"]["whiteLabel"];

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
    <dl className="divide-y divide-line">
      <Row label="Branding">
        {onOff(whiteLabel.branding.enabled, whiteLabel.branding.active)}
        {whiteLabel.branding.companyName && <span className="ml-2">{whiteLabel.branding.companyName}</span>}
      </Row>
      <Row label="Custom domain">
        {whiteLabel.domain ? (
          <>
            <span className="mr-2 font-mono">{whiteLabel.domain.hostname}</span>
            <DomainStatusBadge status={domainPending ? "PENDING" : whiteLabel.domain.status} />
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
