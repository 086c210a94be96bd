import { TIER_LABELS } from "@tessera/domain";
import { Card } from "@tessera/ui";
import { QueryState } from "../components/query-state.tsx";
import { trpc } from "../trpc.ts";
import {
  ApiDetails,
  BrandingDetails,
  DomainDetails,
  FeatureToggleDetails,
  IntegrationDetails,
  SsoDetails,
} from "./white-label-details.tsx";
import { Gates } from "./white-label-record.tsx";

/** An organisation's effective white-label configuration, for staff; admins may delete a record. */
export const WhiteLabelOverview = ({
  organizationId,
  canDelete,
}: {
  organizationId: string;
  canDelete: boolean;
}) => {
  const config = trpc.whiteLabel.organizationConfig.useQuery({ organizationId });
  return (
    <Card title="White-label">
      <QueryState query={config}>
        {(data) => (
          <div className="space-y-4">
            <div className="flex flex-wrap items-center gap-3 text-sm">
              <span className="font-medium text-fg">
                Tier: {data.tier ? TIER_LABELS[data.tier] : "no license in force"}
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
