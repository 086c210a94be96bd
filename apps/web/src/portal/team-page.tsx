import { isCustomerAdmin, useRole } from "../auth/session.tsx";
import { PageHeader } from "../components/page-header.tsx";
import { TeamManager } from "../components/team-manager.tsx";

export const PortalTeamPage = () => {
  const role = useRole();
  const canManage = isCustomerAdmin(role);
  return (
    <>
      <PageHeader
        title="Team"
        description={
          canManage
            ? "The people of your organisation who can use this portal: invite them, change roles, disable access."
            : "The people of your organisation who can use this portal."
        }
      />
      <TeamManager canManage={canManage} canGrantOwner={role === "OWNER"} />
    </>
  );
};
