import { useQuery } from "@tanstack/react-query";
import { Card } from "../components/card.tsx";
import { QueryState } from "../components/query-state.tsx";
import { useTRPC } from "../trpc.ts";
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
