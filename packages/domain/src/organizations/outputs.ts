import { z } from "zod";

/** An organisation as the REST API answers it. */
const OrganizationOutput = z.object({
  id: z.uuid(),
  name: z.string(),
  slug: z.string(),
  contactName: z.string(),
  contactEmail: z.string(),
  contactPhone: z.string().nullable(),
  billingAddress: z
    .object({
      line1: z.string(),
      line2: z.string().optional(),
      city: z.string(),
      region: z.string().optional(),
      postalCode: z.string().optional(),
      country: z.string().describe("ISO 3166-1 alpha-2"),
    })
    .nullable(),
  adminUserId: z.uuid().nullable().describe("the customer user who administers the organisation"),
  accountManagerId: z.uuid().nullable().describe("the staff user dedicated to the organisation"),
  metadata: z.record(z.string(), z.unknown()).describe("free-form JSON kept for the organisation"),
  createdAt: z.date(),
  updatedAt: z.date(),
});

/** One organisation, with its account manager's name for whoever reads it. */
export const OrganizationDetailOutput = OrganizationOutput.extend({
  accountManager: z.object({ id: z.uuid(), name: z.string(), email: z.string() }).nullable(),
});

export const OrganizationPageOutput = z.object({
  items: z.array(OrganizationOutput),
  nextCursor: z.string().nullable().describe("pass as cursor for the next page; null on the last page"),
});
