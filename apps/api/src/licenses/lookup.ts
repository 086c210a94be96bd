import { licenses, organizations } from "@tessera/db/schema";
import { DomainError, IN_FORCE_STATUSES } from "@tessera/domain";
import { and, desc, eq } from "drizzle-orm";
import type { ServiceContext } from "../context.ts";
import { licenseView } from "./license-view.ts";
import { overLimitNow } from "./over-limit-view.ts";

/**
 * Load a license. `scopeOrganizationId` is the tenant filter for customers: a license of
 * another organisation is NOT_FOUND.
 */
export const findLicense = async (
  ctx: Pick<ServiceContext, "db">,
  licenseId: string,
  scopeOrganizationId?: string,
) => {
  const [row] = await ctx.db
    .select()
    .from(licenses)
    .where(
      scopeOrganizationId
        ? and(eq(licenses.id, licenseId), eq(licenses.organizationId, scopeOrganizationId))
        : eq(licenses.id, licenseId),
    );
  if (!row) throw new DomainError("NOT_FOUND", "License not found", { field: "licenseId" });
  return row;
};

export const getLicense = async (ctx: ServiceContext, licenseId: string, scopeOrganizationId?: string) => {
  const row = await findLicense(ctx, licenseId, scopeOrganizationId);
  const [organization] = await ctx.db
    .select({ name: organizations.name })
    .from(organizations)
    .where(eq(organizations.id, row.organizationId));
  const now = ctx.clock.now();
  const view = licenseView(row, now, organization?.name ?? "");
  return { ...view, overLimit: await overLimitNow(ctx.db, view, now) };
};

/** The organisation's license in force (else its latest), and its history, newest first. */
export const getLicenseByOrganization = async (ctx: ServiceContext, organizationId: string) => {
  const rows = await ctx.db
    .select()
    .from(licenses)
    .where(eq(licenses.organizationId, organizationId))
    .orderBy(desc(licenses.createdAt));
  const now = ctx.clock.now();
  const current =
    rows.find((row) => (IN_FORCE_STATUSES as readonly string[]).includes(row.status)) ?? rows[0] ?? null;
  const view = current ? licenseView(current, now) : null;
  return {
    current: view ? { ...view, overLimit: await overLimitNow(ctx.db, view, now) } : null,
    history: rows.map((row) => licenseView(row, now)),
  };
};
