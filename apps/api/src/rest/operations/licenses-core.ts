import {
  CreateLicenseInput,
  LicenseActionInput,
  LicenseId,
  LicenseOutput,
  LicenseWithKeyOutput,
  RenewLicenseInput,
  ValidateLicenseInput,
  ValidationOutput,
} from "@tessera/domain";
import { createLicense } from "../../licenses/create.ts";
import { activateLicense, renewLicense } from "../../licenses/lifecycle.ts";
import { getLicense } from "../../licenses/lookup.ts";
import { checkLicenseValidity } from "../../licenses/validation.ts";
import { MAX_VALIDATE_BODY_BYTES } from "../../request-body.ts";
import { deprecatedAlias } from "../alias.ts";
import { defineOperation } from "../operation.ts";

/** Creating, activating, renewing, reading and validating a license: billing's calls. */
const write = { service: "licenses:write" } as const;

const createOperation = defineOperation({
  operationId: "licenses.create",
  method: "POST",
  path: "/v1/licenses",
  tag: "licenses",
  summary: "Create a license (PENDING); the key is in the answer, once",
  auth: write,
  body: CreateLicenseInput,
  response: LicenseWithKeyOutput,
  status: 201,
  location: (result) => `/v1/licenses/${result.license.id}`,
  example: { organizationId: "5f0c7a3e-8a4b-4c1e-9d55-1f0e2b7c9a10", tier: "PROFESSIONAL", termMonths: 12 },
  handle: (call, input) => createLicense(call.service, input),
});

const getOperation = defineOperation({
  operationId: "licenses.get",
  method: "GET",
  path: "/v1/licenses/{licenseId}",
  tag: "licenses",
  summary: "A license with its effective status and entitlements",
  auth: { service: "licenses:read" },
  params: LicenseId,
  response: LicenseOutput,
  handle: (call, input) => getLicense(call.service, input.licenseId),
});

const activateOperation = defineOperation({
  operationId: "licenses.activate",
  method: "POST",
  path: "/v1/licenses/{licenseId}/activate",
  tag: "licenses",
  summary: "Activate a PENDING license: its term starts now",
  auth: write,
  params: LicenseId,
  body: LicenseActionInput.omit({ licenseId: true }),
  response: LicenseOutput,
  handle: (call, input) => activateLicense(call.service, input.licenseId, input),
});

const renewOperation = defineOperation({
  operationId: "licenses.renew",
  method: "POST",
  path: "/v1/licenses/{licenseId}/renew",
  tag: "licenses",
  summary: "Renew from max(now, expiry) by the term",
  auth: write,
  params: LicenseId,
  body: RenewLicenseInput.omit({ licenseId: true }),
  response: LicenseOutput,
  example: { expectedVersion: 3 },
  handle: (call, input) => renewLicense(call.service, input.licenseId, input),
});

const validateOperation = defineOperation({
  operationId: "licenses.validate",
  method: "POST",
  path: "/v1/licenses/validate",
  tag: "licenses",
  summary: "Validate a license key (public: the key is the credential; rate-limited)",
  auth: "public",
  body: ValidateLicenseInput,
  response: ValidationOutput,
  bodyLimit: MAX_VALIDATE_BODY_BYTES,
  example: { key: "TSR-XXXX-XXXX-XXXX-XXXX", feature: "SSO" },
  handle: (call, input) => checkLicenseValidity(call.ctx, input, call.ctx.request.ip),
});

export const LICENSE_CORE_OPERATIONS = [
  createOperation,
  getOperation,
  activateOperation,
  renewOperation,
  validateOperation,
  deprecatedAlias(createOperation, "POST", "/enterprise/licenses/create", {
    status: 200,
    location: undefined,
  }),
  deprecatedAlias(activateOperation, "POST", "/enterprise/licenses/activate", {
    params: undefined,
    body: LicenseActionInput,
  }),
  deprecatedAlias(renewOperation, "PUT", "/enterprise/licenses/{licenseId}/renew"),
  deprecatedAlias(getOperation, "GET", "/enterprise/licenses/{licenseId}"),
  deprecatedAlias(validateOperation, "POST", "/enterprise/licenses/validate"),
];
