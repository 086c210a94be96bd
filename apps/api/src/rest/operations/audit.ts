import { AuditCursorQuery, AuditEventPageOutput } from "@tessera/domain";
import { listAuditEventsPage } from "../../audit/cursor-list.ts";
import { onReplica } from "../../replica/read-db.ts";
import { defineOperation } from "../operation.ts";
import { organizationFilter } from "../tenancy.ts";

/** The audit log: a service key reads every organisation's, an organisation key its own. */
const listOperation = defineOperation({
  operationId: "audit.list",
  method: "GET",
  path: "/v1/audit-events",
  tag: "audit",
  summary: "Audit entries, newest first, in cursor pages",
  description:
    "An organisation key always reads its own organisation's entries, whatever organizationId says.",
  auth: { service: "audit:read", organization: "audit:read" },
  query: AuditCursorQuery,
  response: AuditEventPageOutput,
  example: { action: "license.", from: "2026-01-01T00:00:00Z", limit: 50 },
  handle: (call, input) =>
    onReplica(
      call.ctx,
      (service) => listAuditEventsPage(service, input, organizationFilter(call, input.organizationId)),
      call.service,
    ),
});

export const AUDIT_OPERATIONS = [listOperation];
