import { LicenseActionInput, LicenseId, LicenseOutput, LicenseWithReason } from "@tessera/domain";
import { cancelLicense, reinstateLicense, suspendLicense } from "../../licenses/lifecycle.ts";
import { defineOperation } from "../operation.ts";

/** Suspending, reinstating and cancelling: each applies once (send `expectedVersion` to be sure). */
const write = { service: "licenses:write" } as const;
const withReason = LicenseWithReason.omit({ licenseId: true });

const suspendOperation = defineOperation({
  operationId: "licenses.suspend",
  method: "POST",
  path: "/v1/licenses/{licenseId}/suspend",
  tag: "licenses",
  summary: "Suspend an ACTIVE license: validation answers SUSPENDED until it is reinstated",
  auth: write,
  params: LicenseId,
  body: withReason,
  response: LicenseOutput,
  example: { reason: "Invoice 2026-114 unpaid", expectedVersion: 4 },
  handle: (call, input) => suspendLicense(call.service, input.licenseId, input.reason, input),
});

const reinstateOperation = defineOperation({
  operationId: "licenses.reinstate",
  method: "POST",
  path: "/v1/licenses/{licenseId}/reinstate",
  tag: "licenses",
  summary: "Reinstate a SUSPENDED license",
  auth: write,
  params: LicenseId,
  body: LicenseActionInput.omit({ licenseId: true }),
  response: LicenseOutput,
  example: { expectedVersion: 5 },
  handle: (call, input) => reinstateLicense(call.service, input.licenseId, input),
});

const cancelOperation = defineOperation({
  operationId: "licenses.cancel",
  method: "POST",
  path: "/v1/licenses/{licenseId}/cancel",
  tag: "licenses",
  summary: "Cancel a license for good; the organisation may then get a new one",
  auth: write,
  params: LicenseId,
  body: withReason,
  response: LicenseOutput,
  example: { reason: "Customer left", expectedVersion: 6 },
  handle: (call, input) => cancelLicense(call.service, input.licenseId, input.reason, input),
});

export const LICENSE_LIFECYCLE_OPERATIONS = [suspendOperation, reinstateOperation, cancelOperation];
