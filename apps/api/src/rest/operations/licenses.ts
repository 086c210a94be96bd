import {
  ExpiringLicensesOutput,
  ExpiringLicensesQuery,
  LicenseCursorQuery,
  LicenseId,
  LicenseOutput,
  LicensePageOutput,
  LicenseStatsOutput,
  LicenseTokenOutput,
  RotatedKeyOutput,
  RotateLicenseKeyInput,
  UpdateLicenseSettingsInput,
} from "@tessera/domain";
import { getExpiringLicenses, getLicenseStats, listLicensesPage } from "../../licenses/queries.ts";
import { rotateLicenseKey, updateLicenseSettings } from "../../licenses/settings.ts";
import { issueLicenseToken } from "../../licenses/tokens.ts";
import { defineOperation } from "../operation.ts";
import { LICENSE_LIFECYCLE_OPERATIONS } from "./licenses-lifecycle.ts";
import { ORGANIZATION_LICENSE_OPERATIONS } from "./organization-license.ts";

/** Staff systems (billing, BI) list, count and manage licenses with service keys. */
const read = { service: "licenses:read" } as const;
const write = { service: "licenses:write" } as const;

const listOperation = defineOperation({
  operationId: "licenses.list",
  method: "GET",
  path: "/v1/licenses",
  tag: "licenses",
  summary: "List and search licenses, newest first, in cursor pages",
  description:
    "Filters combine as in the console's list. `status` is the effective status: an ACTIVE license past its expiry is listed as EXPIRED.",
  auth: read,
  query: LicenseCursorQuery,
  response: LicensePageOutput,
  example: { status: "ACTIVE", tier: "PROFESSIONAL", limit: 50 },
  handle: (call, input) => listLicensesPage(call.service, input),
});

const statsOperation = defineOperation({
  operationId: "licenses.stats",
  method: "GET",
  path: "/v1/licenses/stats",
  tag: "licenses",
  summary: "Counts by tier and effective status, seats sold, and licenses expiring within 30 days",
  auth: read,
  response: LicenseStatsOutput,
  handle: (call) => getLicenseStats(call.service),
});

const expiringOperation = defineOperation({
  operationId: "licenses.expiring",
  method: "GET",
  path: "/v1/licenses/expiring",
  tag: "licenses",
  summary: "ACTIVE licenses expiring within `days` (default 30), soonest first, unpaged (at most 1,000)",
  auth: read,
  query: ExpiringLicensesQuery,
  response: ExpiringLicensesOutput,
  example: { days: 30 },
  handle: async (call, input) => ({ items: await getExpiringLicenses(call.service, input.days) }),
});

const settingsOperation = defineOperation({
  operationId: "licenses.updateSettings",
  method: "PATCH",
  path: "/v1/licenses/{licenseId}",
  tag: "licenses",
  summary: "Change a license's settings: autoRenew, termMonths (from the next renewal), tokenTtlDays",
  auth: write,
  params: LicenseId,
  body: UpdateLicenseSettingsInput.omit({ licenseId: true }),
  response: LicenseOutput,
  example: { autoRenew: true, tokenTtlDays: 14 },
  handle: (call, { licenseId, ...patch }) => updateLicenseSettings(call.service, licenseId, patch),
});

const rotateKeyOperation = defineOperation({
  operationId: "licenses.rotateKey",
  method: "POST",
  path: "/v1/licenses/{licenseId}/rotate-key",
  tag: "licenses",
  summary: "Give the license a new key; the new key is in the answer, once",
  auth: write,
  params: LicenseId,
  description:
    "The old key keeps validating beside the new one for `oldKeyExpiresIn` (now, 1h, 24h — the default — or 7d), so integrations can roll without an outage.",
  body: RotateLicenseKeyInput.omit({ licenseId: true }),
  response: RotatedKeyOutput,
  example: { oldKeyExpiresIn: "24h" },
  handle: (call, input) => rotateLicenseKey(call.service, input),
});

const tokenOperation = defineOperation({
  operationId: "licenses.issueToken",
  method: "POST",
  path: "/v1/licenses/{licenseId}/tokens",
  tag: "licenses",
  summary: "Sign an offline token for an ACTIVE license",
  description:
    "Answers 200 with the token: tokens are not stored, so there is no resource to locate. Verify it against /.well-known/jwks.json.",
  auth: write,
  params: LicenseId,
  response: LicenseTokenOutput,
  handle: (call, input) => issueLicenseToken(call.service, call.ctx, input.licenseId),
});

export const LICENSE_OPERATIONS = [
  listOperation,
  statsOperation,
  expiringOperation,
  settingsOperation,
  ...LICENSE_LIFECYCLE_OPERATIONS,
  rotateKeyOperation,
  tokenOperation,
  ...ORGANIZATION_LICENSE_OPERATIONS,
];
