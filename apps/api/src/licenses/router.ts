import {
  CreateLicenseInput,
  ExpiringLicensesInput,
  LicenseActionInput,
  LicenseId,
  LicenseOutput,
  LicenseWithKeyOutput,
  LicenseWithReason,
  ListLicensesInput,
  OrganizationId,
  RenewLicenseInput,
  RotateLicenseKeyInput,
  TrendInput,
  UpdateLicenseSettingsInput,
  ValidateLicenseInput,
  ValidationOutput,
} from "@tessera/domain";
import type { TRPCRouterRecord } from "@trpc/server";
import { serviceContext } from "../context.ts";
import { apiKey, customer, publicProcedure, staff, staffOrService } from "../trpc.ts";
import { createLicense } from "./create.ts";
import {
  activateLicense,
  cancelLicense,
  reinstateLicense,
  renewLicense,
  suspendLicense,
} from "./lifecycle.ts";
import { getLicense, getLicenseByOrganization } from "./lookup.ts";
import { getExpiringLicenses, getExpiringSummary, getLicenseStats, listLicenses } from "./queries.ts";
import { rotateLicenseKey, updateLicenseSettings } from "./settings.ts";
import { rotateSigningKey } from "./signing-keys.ts";
import { issueLicenseToken, issueOrganizationToken } from "./tokens.ts";
import { getLicenseTrend } from "./trend.ts";
import { checkLicenseValidity } from "./validation.ts";

const write = () => staffOrService("licenses:write", "ADMIN");
const read = () => staffOrService("licenses:read");

export const licensesRouter = {
  create: write()
    .input(CreateLicenseInput)
    .output(LicenseWithKeyOutput)
    .mutation(({ ctx, input }) => createLicense(serviceContext(ctx), input)),
  activate: write()
    .input(LicenseActionInput)
    .output(LicenseOutput)
    .mutation(({ ctx, input }) => activateLicense(serviceContext(ctx), input.licenseId, input)),
  renew: write()
    .input(RenewLicenseInput)
    .output(LicenseOutput)
    .mutation(({ ctx, input }) => renewLicense(serviceContext(ctx), input.licenseId, input)),
  suspend: write()
    .input(LicenseWithReason)
    .mutation(({ ctx, input }) => suspendLicense(serviceContext(ctx), input.licenseId, input.reason, input)),
  reinstate: write()
    .input(LicenseActionInput)
    .mutation(({ ctx, input }) => reinstateLicense(serviceContext(ctx), input.licenseId, input)),
  cancel: write()
    .input(LicenseWithReason)
    .mutation(({ ctx, input }) => cancelLicense(serviceContext(ctx), input.licenseId, input.reason, input)),
  updateSettings: write()
    .input(UpdateLicenseSettingsInput)
    .mutation(({ ctx, input }) => updateLicenseSettings(serviceContext(ctx), input.licenseId, input)),
  rotateKey: write()
    .input(RotateLicenseKeyInput)
    .mutation(({ ctx, input }) => rotateLicenseKey(serviceContext(ctx), input)),
  issueToken: write()
    .input(LicenseId)
    .mutation(({ ctx, input }) => issueLicenseToken(serviceContext(ctx), ctx, input.licenseId)),

  get: read()
    .input(LicenseId)
    .output(LicenseOutput)
    .query(({ ctx, input }) => getLicense(serviceContext(ctx), input.licenseId)),
  list: staff()
    .input(ListLicensesInput)
    .query(({ ctx, input }) => listLicenses(serviceContext(ctx), input)),
  byOrganization: staff()
    .input(OrganizationId)
    .query(({ ctx, input }) => getLicenseByOrganization(serviceContext(ctx), input.organizationId)),
  expiring: staff()
    .input(ExpiringLicensesInput)
    .query(({ ctx, input }) => getExpiringLicenses(serviceContext(ctx), input.days)),
  /** The Overview's card: the count and the five soonest, not every license view. */
  expiringSummary: staff()
    .input(ExpiringLicensesInput)
    .query(({ ctx, input }) => getExpiringSummary(serviceContext(ctx), input.days)),
  stats: staff().query(({ ctx }) => getLicenseStats(serviceContext(ctx))),
  trend: staff()
    .input(TrendInput)
    .query(({ ctx, input }) => getLicenseTrend(serviceContext(ctx), input.months)),
  rotateSigningKey: staff("ADMIN").mutation(({ ctx }) => rotateSigningKey(serviceContext(ctx), ctx)),

  /** Public: the key is the credential. Rate-limited per key and per IP. */
  validate: publicProcedure
    .input(ValidateLicenseInput)
    .output(ValidationOutput)
    .mutation(({ ctx, input }) => checkLicenseValidity(ctx, input, ctx.request.ip)),

  /** The signed-in customer's own license and its history. */
  mine: customer().query(({ ctx }) => getLicenseByOrganization(serviceContext(ctx), ctx.organizationId)),
  rotateMyKey: customer("OWNER", "ADMIN")
    .input(RotateLicenseKeyInput)
    .mutation(({ ctx, input }) => rotateLicenseKey(serviceContext(ctx), input, ctx.organizationId)),
  /** The platform refreshes its offline token with an organisation key that has `license:read`. */
  platformToken: apiKey("license:read").mutation(({ ctx }) =>
    issueOrganizationToken(serviceContext(ctx), ctx, ctx.organizationId),
  ),
  myToken: customer("OWNER", "ADMIN")
    .input(LicenseId)
    .mutation(({ ctx, input }) =>
      issueLicenseToken(serviceContext(ctx), ctx, input.licenseId, ctx.organizationId),
    ),
} satisfies TRPCRouterRecord;
