import { Alert, Card } from "@tessera/ui";
import { useMe } from "../auth/session.tsx";
import { LicenseSummary } from "../components/license-summary.tsx";
import { PageHeader } from "../components/page-header.tsx";
import { QueryState } from "../components/query-state.tsx";
import { trpc } from "../trpc.ts";
import { LicenseKeyCard } from "./license-key-card.tsx";

export const PortalLicensePage = () => {
  const me = useMe();
  const canManage = me.data?.role === "OWNER" || me.data?.role === "ADMIN";
  const mine = trpc.licenses.mine.useQuery();
  return (
    <>
      <PageHeader title="License" description="Your organisation's license, what it includes, and its key." />
      <QueryState query={mine}>
        {({ current }) =>
          !current ? (
            <Alert tone="info">
              Your organisation has no license yet. Your account manager will set one up.
            </Alert>
          ) : (
            <div className="space-y-6">
              <Card title="Current license">
                <LicenseSummary license={current} />
              </Card>
              {canManage && <LicenseKeyCard license={current} />}
            </div>
          )
        }
      </QueryState>
    </>
  );
};
