import { Button, Card, Tabs } from "@tessera/ui";
import { Link, useParams, useSearchParams } from "react-router";
import { useMe } from "../auth/session.tsx";
import { AuditLog } from "../components/audit-log.tsx";
import { PageHeader } from "../components/page-header.tsx";
import { useRecordTitle } from "../components/page-title.tsx";
import { QueryState } from "../components/query-state.tsx";
import { TeamManager } from "../components/team-manager.tsx";
import { trpc } from "../trpc.ts";
import type { Organization } from "./organization-tabs/edit-organization.tsx";
import { LicensesTab } from "./organization-tabs/licenses-tab.tsx";
import { OverviewTab } from "./organization-tabs/overview-tab.tsx";
import { TicketsTab } from "./organization-tabs/tickets-tab.tsx";
import { UsageTab } from "./organization-tabs/usage-tab.tsx";
import { WhiteLabelOverview } from "./white-label-overview.tsx";

const tabsOf = (org: Organization, isAdmin: boolean) => [
  { value: "overview", label: "Overview", content: <OverviewTab organization={org} isAdmin={isAdmin} /> },
  {
    value: "licenses",
    label: "Licenses",
    content: <LicensesTab organizationId={org.id} isAdmin={isAdmin} />,
  },
  { value: "usage", label: "Usage", content: <UsageTab organizationId={org.id} /> },
  { value: "tickets", label: "Tickets", content: <TicketsTab organizationId={org.id} /> },
  {
    value: "people",
    label: "People",
    content: <TeamManager organizationId={org.id} canManage={isAdmin} canGrantOwner />,
  },
  {
    value: "white-label",
    label: "White-label",
    content: <WhiteLabelOverview organizationId={org.id} canDelete={isAdmin} />,
  },
  {
    value: "audit",
    label: "Audit",
    content: (
      <Card title="Audit log">
        <AuditLog scope="staff" organizationId={org.id} />
      </Card>
    ),
  },
];

/**
 * One organisation in tabs. The selected tab is `?tab=` in the address, so it can be linked
 * and survives a reload; an unknown or missing one opens the overview.
 */
export const OrganizationDetailPage = () => {
  const { organizationId = "" } = useParams();
  const me = useMe();
  const isAdmin = me.data?.role === "ADMIN";
  const [params, setParams] = useSearchParams();
  const organization = trpc.organizations.get.useQuery({ organizationId });
  useRecordTitle(organization.data?.name);
  return (
    <QueryState
      query={organization}
      record={{ what: "organisation", list: { to: "/console/organizations", label: "All organisations" } }}
    >
      {(org) => {
        const tabs = tabsOf(org, isAdmin);
        const asked = params.get("tab");
        const tab = tabs.some((item) => item.value === asked) ? (asked as string) : "overview";
        return (
          <div className="space-y-6">
            <PageHeader
              title={org.name}
              description={<span className="font-mono">{org.slug}</span>}
              actions={
                <Button asChild variant="secondary">
                  <Link to={`/console/organizations/${org.id}/health`}>Health</Link>
                </Button>
              }
            />
            <Tabs
              label="Organisation"
              value={tab}
              onValueChange={(value) => setParams({ tab: value }, { replace: true })}
              items={tabs}
            />
          </div>
        );
      }}
    </QueryState>
  );
};
