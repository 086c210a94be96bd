import { AuditLog } from "../components/audit-log.tsx";
import { Card, PageHeader } from "../components/ui.tsx";

export const PortalAuditPage = () => (
  <>
    <PageHeader title="Audit log" description="Every change made in your organisation, by whom and when." />
    <Card>
      <AuditLog scope="own" />
    </Card>
  </>
);
