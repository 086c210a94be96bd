import { AuditLog } from "../components/audit-log.tsx";
import { Card, PageHeader } from "../components/ui.tsx";

export const ConsoleAuditPage = () => (
  <>
    <PageHeader title="Audit log" description="Every change across all organisations." />
    <Card>
      <AuditLog scope="staff" />
    </Card>
  </>
);
