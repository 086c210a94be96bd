import { sql } from "drizzle-orm";
import { boolean, index, jsonb, pgTable, text, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { id, timestamps } from "./_columns.ts";

export interface BillingAddressColumn {
  line1: string;
  line2?: string | undefined;
  city: string;
  region?: string | undefined;
  postalCode?: string | undefined;
  country: string;
}

export const organizations = pgTable(
  "organizations",
  {
    id: id(),
    name: text().notNull(),
    slug: text().notNull(),
    contactName: text().notNull(),
    contactEmail: text().notNull(),
    contactPhone: text(),
    billingAddress: jsonb().$type<BillingAddressColumn>(),
    /** The customer user who administers the organisation (its first OWNER). */
    adminUserId: uuid(),
    metadata: jsonb().$type<Record<string, unknown>>().notNull().default({}),
    /** A staff user dedicated to this organisation. */
    accountManagerId: uuid(),
    /** Its people must sign in with MFA (set by its owners and admins). */
    requireMfa: boolean().notNull().default(false),
    ...timestamps,
  },
  (table) => [
    uniqueIndex("organizations_slug_unique").on(table.slug),
    index("organizations_name_for_listing").on(table.name, table.id),
    index("organizations_by_lower_name").on(sql`lower(${table.name})`),
  ],
);
