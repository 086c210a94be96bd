import type { RestOperation } from "../operation.ts";
import { AUDIT_OPERATIONS } from "./audit.ts";
import { LICENSE_OPERATIONS } from "./licenses.ts";
import { LICENSE_CORE_OPERATIONS } from "./licenses-core.ts";
import { ORGANIZATION_OPERATIONS } from "./organizations.ts";
import { TICKET_OPERATIONS } from "./tickets.ts";
import { TICKET_CORE_OPERATIONS } from "./tickets-core.ts";
import { USAGE_OPERATIONS } from "./usage.ts";
import { USAGE_EVENT_OPERATIONS } from "./usage-events.ts";

/** Every REST operation, in the order the document lists them. */
export const REST_OPERATIONS: RestOperation[] = [
  ...LICENSE_CORE_OPERATIONS,
  ...LICENSE_OPERATIONS,
  ...USAGE_EVENT_OPERATIONS,
  ...USAGE_OPERATIONS,
  ...TICKET_CORE_OPERATIONS,
  ...TICKET_OPERATIONS,
  ...ORGANIZATION_OPERATIONS,
  ...AUDIT_OPERATIONS,
];
