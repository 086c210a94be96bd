import { useMe } from "../auth/session.tsx";
import { TeamManager } from "../components/team-manager.tsx";
import { PageHeader } from "../components/ui.tsx";

export const PortalTeamPage = () => {
  const me = useMe();
  const role = me.data?.role;
  return (
    <>
      <PageHeader title="Team" description="The people of your organisation who can use this portal." />
      <TeamManager canManage={role === "OWNER" || role === "ADMIN"} canGrantOwner={role === "OWNER"} />
    </>
  );
};
