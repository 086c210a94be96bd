import { Card } from "@tessera/ui";
import { AuditLog } from "../components/audit-log.tsx";
import { PageHeader } from "../components/page-header.tsx";

export const PortalAuditPage = () => (
  <>
    <PageHeader title="Audit log" description="Every change made in your organisation, by whom and when." />
    <Card>
      <AuditLog scope="own" />
    </Card>
  </>
);
