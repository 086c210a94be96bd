import { z } from "zod";
import { dateInput } from "../date-input.ts";
import { CursorQuery, PageInput } from "../pagination.ts";
import { textInput } from "../text-input.ts";
import { DEFAULT_OLD_KEY_EXPIRY, OLD_KEY_EXPIRIES } from "./key-rolling.ts";
import { LICENSE_STATUSES } from "./lifecycle.ts";
import { OverageOverridesInput } from "./overage.ts";
import { ReminderDays } from "./reminders.ts";
import { FEATURES, METRICS, TIERS } from "./tiers.ts";
import { TokenTtlDays } from "./tokens.ts";
import { MAX_TREND_MONTHS } from "./trend.ts";

/** How many months back a trend chart reaches, the current month included. */
export const TrendInput = z.object({
  months: z.number().int().min(1).max(MAX_TREND_MONTHS).default(12),
});
export type TrendInput = z.input<typeof TrendInput>;

/** A limit: a whole number ≥ 0 up to 2^53, or null for unlimited. */
const LimitValue = z.number().int().min(0).max(Number.MAX_SAFE_INTEGER).nullable();

const CustomLimits = z.object({
  ACTIVE_USERS: LimitValue,
  COURSES: LimitValue,
  API_CALLS: LimitValue,
  STORAGE_BYTES: LimitValue,
});

const TermMonths = z
  .number()
  .int({ message: "must be a whole number of months" })
  .min(1, { message: "must be at least 1 month" })
  .max(120, { message: "must be at most 120 months" });

export const Reason = textInput({ multiline: true }).min(1, { message: "is required" }).max(500);

export const CreateLicenseInput = z
  .object({
    organizationId: z.uuid(),
    tier: z.enum(TIERS),
    termMonths: TermMonths.default(12),
    startsAt: dateInput().optional(),
    expiresAt: dateInput().optional(),
    autoRenew: z.boolean().default(false),
    /** Days each offline token is signed for; 30 when not given. */
    tokenTtlDays: TokenTtlDays.optional(),
    /** CUSTOM only. */
    customLimits: CustomLimits.optional(),
    customFeatures: z.array(z.enum(FEATURES)).max(FEATURES.length).optional(),
    /** CUSTOM only: tolerance and grace per metric, replacing the tier's defaults. */
    overage: OverageOverridesInput.optional(),
    /** Expiry reminder points in days; [30, 7, 1] when not given. */
    reminderDays: ReminderDays.optional(),
    supportResponseCapHours: z
      .number()
      .int()
      .min(1)
      .max(24 * 14)
      .optional(),
    monthlyPriceCents: z.number().int().min(0).max(100_000_000_00).optional(),
  })
  .superRefine((input, ctx) => {
    if (input.startsAt && input.expiresAt && input.expiresAt <= input.startsAt) {
      ctx.addIssue({ code: "custom", path: ["expiresAt"], message: "must be after startsAt" });
    }
    const customOnly = [
      "customLimits",
      "customFeatures",
      "overage",
      "supportResponseCapHours",
      "monthlyPriceCents",
    ] as const;
    if (input.tier === "CUSTOM") {
      if (!input.customLimits)
        ctx.addIssue({ code: "custom", path: ["customLimits"], message: "is required for CUSTOM" });
    } else {
      for (const field of customOnly) {
        if (input[field] !== undefined) {
          ctx.addIssue({
            code: "custom",
            path: [field],
            message: `is only for the CUSTOM tier, not ${input.tier}`,
          });
        }
      }
    }
  });
export type CreateLicenseInput = z.input<typeof CreateLicenseInput>;

export const LicenseId = z.object({ licenseId: z.uuid() });
export type LicenseId = z.input<typeof LicenseId>;

/**
 * A lifecycle action. `expectedVersion` is optimistic concurrency: the action applies only
 * to the version the caller saw, so a double click or a retried request acts once.
 */
/** Rotation: the new key is shown once; the old one keeps working for `oldKeyExpiresIn`. */
export const RotateLicenseKeyInput = LicenseId.extend({
  oldKeyExpiresIn: z.enum(OLD_KEY_EXPIRIES).default(DEFAULT_OLD_KEY_EXPIRY),
});
export type RotateLicenseKeyInput = z.input<typeof RotateLicenseKeyInput>;

export const LicenseActionInput = LicenseId.extend({
  expectedVersion: z.number().int().min(1).optional(),
});
export type LicenseActionInput = z.input<typeof LicenseActionInput>;

export const LicenseWithReason = LicenseActionInput.extend({ reason: Reason });
export type LicenseWithReason = z.input<typeof LicenseWithReason>;

export const RenewLicenseInput = LicenseActionInput.extend({
  /** A different term for this and later renewals; the license's own term otherwise. */
  termMonths: TermMonths.optional(),
});
export type RenewLicenseInput = z.input<typeof RenewLicenseInput>;

export const UpdateLicenseSettingsInput = LicenseId.extend({
  autoRenew: z.boolean().optional(),
  termMonths: TermMonths.optional(),
  tokenTtlDays: TokenTtlDays.optional(),
  /** CUSTOM licenses only: per metric, the tolerance and grace past the limit. */
  overage: OverageOverridesInput.optional(),
  reminderDays: ReminderDays.optional(),
});
export type UpdateLicenseSettingsInput = z.input<typeof UpdateLicenseSettingsInput>;

export const LICENSE_SORTS = ["expiresAt", "createdAt", "tier", "status", "organization"] as const;

const Days = z.number().int().min(0).max(3650);
/** Query strings carry text: the REST API reads the same days from it. */
const QueryDays = z.coerce.number().int().min(0).max(3650);

/** The filters the console's list and the REST list share. */
const licenseFilterFields = {
  tier: z.enum(TIERS).optional(),
  status: z.enum(LICENSE_STATUSES).optional().describe("effective status: ACTIVE past its expiry is EXPIRED"),
  organizationId: z.uuid().optional(),
  search: textInput()
    .max(200)
    .optional()
    .describe("part of the organisation's name or slug, or the key's last four characters (…ABCD)"),
};

export const ListLicensesInput = PageInput.extend({
  ...licenseFilterFields,
  expiringWithinDays: Days.optional(),
  sort: z.enum(LICENSE_SORTS).default("createdAt"),
  direction: z.enum(["asc", "desc"]).default("desc"),
});
export type ListLicensesInput = z.input<typeof ListLicensesInput>;

/** The REST list: the same filters, cursor pages newest first. */
export const LicenseCursorQuery = CursorQuery.extend({
  ...licenseFilterFields,
  expiringWithinDays: QueryDays.optional().describe("ACTIVE licenses expiring within this many days"),
});

export const ExpiringLicensesInput = z.object({ days: Days.default(30) });
export const ExpiringLicensesQuery = z.object({ days: QueryDays.default(30) });

/** What a validation asks of a license besides "is it in force". */
const licenseQuestionFields = {
  feature: z.enum(FEATURES).optional(),
  metric: z.enum(METRICS).optional(),
  increment: z.number().int().min(1).max(Number.MAX_SAFE_INTEGER).optional(),
  /** Answer with this period's usage too (always when asking about a metric). */
  includeUsage: z.boolean().optional(),
};
const metricWithIncrement = (input: { metric?: unknown; increment?: unknown }, ctx: z.RefinementCtx) => {
  if ((input.metric === undefined) !== (input.increment === undefined)) {
    ctx.addIssue({ code: "custom", path: ["increment"], message: "metric and increment go together" });
  }
};

export const ValidateLicenseInput = z
  .object({
    key: textInput({ trim: false }).max(100, { message: "is too long to be a license key" }),
    ...licenseQuestionFields,
  })
  .superRefine(metricWithIncrement);
export type ValidateLicenseInput = z.input<typeof ValidateLicenseInput>;

/** The same question about an organisation's own license, asked without its key. */
export const CheckLicenseInput = z.object(licenseQuestionFields).superRefine(metricWithIncrement);
export type CheckLicenseInput = z.input<typeof CheckLicenseInput>;
