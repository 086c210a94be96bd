import { Link, useParams } from "react-router";
import { consoleHealthLinks, HealthSummary } from "../components/organization-health.tsx";
import { PageHeader } from "../components/page-header.tsx";
import { QueryState } from "../components/query-state.tsx";
import { trpc } from "../trpc.ts";

/** One organisation's health: grade and reasons, license, usage, tickets, white-label, audit. */
export const OrganizationHealthPage = () => {
  const { organizationId = "" } = useParams();
  const health = trpc.organizations.health.useQuery({ organizationId });
  return (
    <QueryState
      query={health}
      record={{ what: "organisation", list: { to: "/console/organizations", label: "All organisations" } }}
    >
      {(data) => (
        <>
          <PageHeader
            title={`${data.organization.name}: health`}
            description={
              <Link
                className="text-indigo-700 dark:text-indigo-300 hover:underline"
                to={`/console/organizations/${data.organization.id}`}
              >
                Organisation details
              </Link>
            }
          />
          <HealthSummary
            health={data}
            links={consoleHealthLinks(data.organization.id, data.license?.id ?? null)}
          />
        </>
      )}
    </QueryState>
  );
};
