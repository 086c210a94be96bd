import { z } from "zod";
import { Email, Password, PersonName } from "../auth/inputs.ts";
import { CUSTOMER_ROLES } from "../auth/roles.ts";
import { CursorQuery, PageInput } from "../pagination.ts";
import { hasControlCharacter, textInput } from "../text-input.ts";

export const Slug = z
  .string()
  .trim()
  .min(3, { message: "must be at least 3 characters" })
  .max(63)
  .regex(/^[a-z0-9](?:[a-z0-9-]*[a-z0-9])?$/, {
    message: "may hold lower-case letters, digits and inner dashes only",
  });

export const Phone = z
  .string()
  .trim()
  .max(40)
  .regex(/^\+?[0-9 ().-]{5,40}$/, { message: "must be a phone number such as +44 20 7946 0000" });

const BillingAddress = z.object({
  line1: textInput().min(1, { message: "is required" }).max(200),
  line2: textInput().max(200).optional(),
  city: textInput().min(1, { message: "is required" }).max(100),
  region: textInput().max(100).optional(),
  postalCode: textInput().max(20).optional(),
  country: z
    .string()
    .trim()
    .regex(/^[A-Z]{2}$/, { message: "must be an ISO 3166-1 alpha-2 code such as GB" }),
});

const METADATA_MAX_BYTES = 16 * 1024;

/** UTF-8 size of a string, without platform APIs (the domain package is pure). */
const utf8ByteLength = (text: string): number => {
  let bytes = 0;
  for (const char of text) {
    const codePoint = char.codePointAt(0) ?? 0;
    bytes += codePoint < 0x80 ? 1 : codePoint < 0x800 ? 2 : codePoint < 0x10000 ? 3 : 4;
  }
  return bytes;
};
const FORBIDDEN_KEYS = new Set(["__proto__", "constructor", "prototype"]);

/** Keys and string values anywhere in the document; multi-line values are fine, NUL never is. */
const hasControlText = (value: unknown): boolean => {
  if (typeof value === "string") return hasControlCharacter(value, true);
  if (Array.isArray(value)) return value.some(hasControlText);
  if (value === null || typeof value !== "object") return false;
  return Object.entries(value).some(
    ([key, inner]) => hasControlCharacter(key, true) || hasControlText(inner),
  );
};

const hasForbiddenKey = (value: unknown): boolean => {
  if (Array.isArray(value)) return value.some(hasForbiddenKey);
  if (value === null || typeof value !== "object") return false;
  return Object.entries(value).some(([key, inner]) => FORBIDDEN_KEYS.has(key) || hasForbiddenKey(inner));
};

/**
 * Free-form JSON object: plain JSON values only, at most 16 KiB, no prototype-polluting
 * keys (checked on the raw input, before parsing could drop them silently).
 */
export const Metadata = z
  .unknown()
  .refine((value) => !hasForbiddenKey(value), {
    message: "must not use __proto__, constructor or prototype keys",
  })
  .refine((value) => !hasControlText(value), { message: "must not contain control characters" })
  .pipe(z.record(z.string().max(100), z.json()))
  .refine((value) => utf8ByteLength(JSON.stringify(value)) <= METADATA_MAX_BYTES, {
    message: "must be at most 16 KiB of JSON",
  });

const OrganizationName = textInput().min(1, { message: "is required" }).max(200);

const ContactFields = {
  contactName: PersonName,
  contactEmail: Email,
  contactPhone: Phone.nullish(),
  billingAddress: BillingAddress.nullish(),
};

export const NewCustomerUser = z.object({
  name: PersonName,
  email: Email,
  password: Password,
  role: z.enum(CUSTOMER_ROLES).default("MEMBER"),
});

export const CreateOrganizationInput = z.object({
  name: OrganizationName,
  slug: Slug,
  ...ContactFields,
  metadata: Metadata.default({}),
  accountManagerId: z.uuid().nullish(),
  /** The organisation's first OWNER: invited by mail in the same transaction, chooses their own password. */
  owner: z.object({ name: PersonName, email: Email }).optional(),
});
export type CreateOrganizationInput = z.input<typeof CreateOrganizationInput>;

export const OrganizationId = z.object({ organizationId: z.uuid() });
export type OrganizationId = z.input<typeof OrganizationId>;

export const UpdateOrganizationInput = z.object({
  organizationId: z.uuid(),
  name: OrganizationName.optional(),
  slug: Slug.optional(),
  contactName: PersonName.optional(),
  contactEmail: Email.optional(),
  contactPhone: Phone.nullish(),
  billingAddress: BillingAddress.nullish(),
  metadata: Metadata.optional(),
  accountManagerId: z.uuid().nullish(),
});
export type UpdateOrganizationInput = z.input<typeof UpdateOrganizationInput>;

/** What a customer admin may change about its own organisation. */
export const UpdateOwnContactInput = z.object({
  contactName: PersonName.optional(),
  contactEmail: Email.optional(),
  contactPhone: Phone.nullish(),
  billingAddress: BillingAddress.nullish(),
});
export type UpdateOwnContactInput = z.input<typeof UpdateOwnContactInput>;

/** What the console's organisation list sorts by; `grade` is the health grade (best first ascending). */
export const ORGANIZATION_SORTS = [
  "name",
  "tier",
  "licenseStatus",
  "grade",
  "accountManager",
  "createdAt",
] as const;

export const ListOrganizationsInput = PageInput.extend({
  search: textInput().max(200).optional(),
  sort: z.enum(ORGANIZATION_SORTS).default("name"),
  direction: z.enum(["asc", "desc"]).default("asc"),
});
export type ListOrganizationsInput = z.input<typeof ListOrganizationsInput>;

export const ChangeMemberRoleInput = z.object({ userId: z.uuid(), role: z.enum(CUSTOMER_ROLES) });
export type ChangeMemberRoleInput = z.input<typeof ChangeMemberRoleInput>;

export const SetMemberDisabledInput = z.object({ userId: z.uuid(), disabled: z.boolean() });
export type SetMemberDisabledInput = z.input<typeof SetMemberDisabledInput>;

export const TeamPageInput = PageInput;

/** Staff changing any customer user: a role, disabled, or both. */
export const StaffUpdateUserInput = z
  .object({
    userId: z.uuid(),
    role: z.enum(CUSTOMER_ROLES).optional(),
    disabled: z.boolean().optional(),
  })
  .refine((input) => input.role !== undefined || input.disabled !== undefined, {
    message: "give a role or disabled",
    path: ["role"],
  });
export type StaffUpdateUserInput = z.input<typeof StaffUpdateUserInput>;

/** The REST list: cursor pages in name order, optionally searched. */
export const OrganizationCursorQuery = CursorQuery.extend({
  search: textInput().max(200).optional().describe("part of the name, slug, contact name or e-mail"),
});
export type OrganizationCursorQuery = z.input<typeof OrganizationCursorQuery>;
