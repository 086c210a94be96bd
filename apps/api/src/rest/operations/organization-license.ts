import {
  CheckLicenseInput,
  LicenseTokenOutput,
  OrganizationId,
  OrganizationLicenseOutput,
  ValidationOutput,
} from "@tessera/domain";
import { getLicenseByOrganization } from "../../licenses/lookup.ts";
import { checkOrganizationLicense } from "../../licenses/organization-check.ts";
import { issueOrganizationToken } from "../../licenses/tokens.ts";
import { defineOperation } from "../operation.ts";
import { organizationInScope } from "../tenancy.ts";

/**
 * An organisation's license under its own path: the platform reads, checks and refreshes its
 * offline token with its organisation key (`license:read`, its own organisation only); staff
 * systems do the same for any organisation with a service key.
 */
const readOwn = { service: "licenses:read", organization: "license:read" } as const;

const getOperation = defineOperation({
  operationId: "organizations.license",
  method: "GET",
  path: "/v1/organizations/{organizationId}/license",
  tag: "licenses",
  summary: "The organisation's license in force (else its latest) and its history",
  auth: readOwn,
  params: OrganizationId,
  response: OrganizationLicenseOutput,
  handle: (call, input) =>
    getLicenseByOrganization(call.service, organizationInScope(call, input.organizationId)),
});

const checkOperation = defineOperation({
  operationId: "organizations.license.check",
  method: "POST",
  path: "/v1/organizations/{organizationId}/license/check",
  tag: "licenses",
  summary: "Validate the organisation's license for a feature or metric without sending its key",
  description:
    "Answers as POST /v1/licenses/validate does, for the organisation's license in force (else its latest); 404 when it has none.",
  auth: readOwn,
  params: OrganizationId,
  body: CheckLicenseInput,
  response: ValidationOutput,
  example: { metric: "ACTIVE_USERS", increment: 1 },
  handle: (call, { organizationId, ...question }) =>
    checkOrganizationLicense(call.ctx, organizationInScope(call, organizationId), question),
});

const tokenOperation = defineOperation({
  operationId: "organizations.license.token",
  method: "POST",
  path: "/v1/organizations/{organizationId}/license/token",
  tag: "licenses",
  summary: "Sign a fresh offline token for the organisation's ACTIVE license",
  description:
    "The platform refreshes its token with its organisation key (license:read); staff services need licenses:write. Answers 200: tokens are not stored.",
  auth: { service: "licenses:write", organization: "license:read" },
  params: OrganizationId,
  response: LicenseTokenOutput,
  handle: (call, input) =>
    issueOrganizationToken(call.service, call.ctx, organizationInScope(call, input.organizationId)),
});

export const ORGANIZATION_LICENSE_OPERATIONS = [getOperation, checkOperation, tokenOperation];
