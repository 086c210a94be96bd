import { customizations } from "@tessera/db/schema";
import { verifiedRecheckCutoffs } from "@tessera/domain";
import { and, asc, eq, sql } from "drizzle-orm";
import type { AppDeps } from "../context.ts";
import { checkDomainRecord } from "../white-label/domains.ts";
import { storedValue } from "../white-label/stored-value.ts";
import { jobContext } from "./job-context.ts";

/**
 * Re-check VERIFIED custom domains: each once a day, and hourly while its TXT proof is missing,
 * so a domain whose proof stays gone lapses soon after 72 hours (and stops being served) and
 * one whose proof returns loses its mark. Safe from any number of instances at once: each
 * check's write is conditional on the version it read, so a lapse (with its audit event and its
 * notice) is recorded by one of them only; a losing check just returns what was stored.
 */
export const runDomainRecheck = async (deps: AppDeps, now: Date) => {
  const ctx = jobContext(deps, now, "domain-recheck");
  const { daily, whileMissing } = verifiedRecheckCutoffs(now);
  const checkedAt = sql`coalesce((${customizations.value}->>'checkedAt')::timestamptz, '-infinity')`;
  const due = await deps.db
    .select()
    .from(customizations)
    .where(
      and(
        eq(customizations.type, "DOMAIN"),
        sql`${customizations.value}->>'status' = 'VERIFIED'`,
        sql`(${checkedAt} <= ${daily.toISOString()}::timestamptz
          or (${customizations.value}->>'proofMissingSince' is not null
              and ${checkedAt} <= ${whileMissing.toISOString()}::timestamptz))`,
      ),
    )
    .orderBy(asc(checkedAt))
    .limit(100);
  let lapsed = 0;
  let missing = 0;
  for (const row of due) {
    const value = storedValue("DOMAIN", (await checkDomainRecord(ctx, deps, row)).value);
    if (value.status === "LAPSED") lapsed++;
    else if (value.proofMissingSince) missing++;
  }
  return { checked: due.length, missing, lapsed };
};
