import { Card } from "@tessera/ui";
import { useSearchParams } from "react-router";
import { AuditLog } from "../components/audit-log.tsx";
import { PageHeader } from "../components/page-header.tsx";

/** Every change, or one organisation's when linked with `?organizationId=` (a chip the log shows clears it). */
export const ConsoleAuditPage = () => {
  const [params] = useSearchParams();
  const organizationId = params.get("organizationId");
  return (
    <>
      <PageHeader
        title="Audit log"
        description={
          organizationId ? "Changes to one organisation." : "Every change across all organisations."
        }
      />
      <Card>
        <AuditLog scope="staff" />
      </Card>
    </>
  );
};
