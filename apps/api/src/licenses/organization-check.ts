import { licenses, organizations } from "@tessera/db/schema";
import { type CheckLicenseInput, DomainError, IN_FORCE_STATUSES } from "@tessera/domain";
import { desc, eq, inArray } from "drizzle-orm";
import type { z } from "zod";
import type { AppDeps } from "../context.ts";
import { judgeLicense, validationColumns } from "./validation.ts";

/**
 * The validation verdict on an organisation's own license, asked with its organisation key
 * instead of the license key: the license in force (else its latest), judged exactly as the
 * public validation judges a key. No key means no key limiter; the organisation key's own rate
 * applies. An organisation without any license answers 404.
 */
export const checkOrganizationLicense = async (
  deps: Pick<AppDeps, "db" | "clock" | "metrics">,
  organizationId: string,
  question: z.output<typeof CheckLicenseInput>,
) => {
  const [row] = await deps.db
    .select(validationColumns())
    .from(licenses)
    .innerJoin(organizations, eq(organizations.id, licenses.organizationId))
    .where(eq(licenses.organizationId, organizationId))
    .orderBy(desc(inArray(licenses.status, [...IN_FORCE_STATUSES])), desc(licenses.createdAt))
    .limit(1);
  if (!row) {
    throw new DomainError("NOT_FOUND", "This organisation has no license", { field: "organizationId" });
  }
  const result = await judgeLicense(deps, row, question, deps.clock.now());
  deps.metrics.validations.inc({ outcome: result.code });
  return result;
};
