import {
  OrganizationCursorQuery,
  OrganizationDetailOutput,
  OrganizationId,
  OrganizationPageOutput,
  WhiteLabelConfigOutput,
} from "@tessera/domain";
import { listOrganizationsPage } from "../../organizations/cursor-list.ts";
import { getOrganization } from "../../organizations/service.ts";
import { getWhiteLabelConfigForKeys } from "../../white-label/rest-config.ts";
import { defineOperation } from "../operation.ts";
import { organizationInScope } from "../tenancy.ts";

/** Staff systems read every organisation; an organisation's own key reads only itself. */
const readOne = { service: "organizations:read", organization: "organization:read" } as const;

const listOperation = defineOperation({
  operationId: "organizations.list",
  method: "GET",
  path: "/v1/organizations",
  tag: "organizations",
  summary: "Organisations in name order, searchable, in cursor pages",
  auth: { service: "organizations:read" },
  query: OrganizationCursorQuery,
  response: OrganizationPageOutput,
  example: { search: "acme", limit: 25 },
  handle: (call, input) => listOrganizationsPage(call.service, input),
});

const getOperation = defineOperation({
  operationId: "organizations.get",
  method: "GET",
  path: "/v1/organizations/{organizationId}",
  tag: "organizations",
  summary: "One organisation with its account manager",
  auth: readOne,
  params: OrganizationId,
  response: OrganizationDetailOutput,
  handle: (call, input) => getOrganization(call.service, organizationInScope(call, input.organizationId)),
});

const whiteLabelOperation = defineOperation({
  operationId: "organizations.whiteLabel",
  method: "GET",
  path: "/v1/organizations/{organizationId}/white-label",
  tag: "white-label",
  summary: "The effective white-label configuration: branding, domain, SSO, API access, toggles, webhooks",
  description:
    "Secrets never appear: the webhook signing secret and SSO client secret only as hasSecret flags.",
  auth: readOne,
  params: OrganizationId,
  response: WhiteLabelConfigOutput,
  handle: (call, input) =>
    getWhiteLabelConfigForKeys(call.service, organizationInScope(call, input.organizationId)),
});

export const ORGANIZATION_OPERATIONS = [listOperation, getOperation, whiteLabelOperation];
