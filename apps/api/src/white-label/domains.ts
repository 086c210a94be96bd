import { randomBytes } from "node:crypto";
import { customizations } from "@tessera/db/schema";
import {
  type CustomDomainInput,
  DOMAIN_RECHECK_WINDOW_HOURS,
  DomainError,
  type DomainStatus,
  judgeDomainCheck,
  normalizeCustomDomain,
  SINGLETON_KEY,
  verificationRecordName,
  verificationRecordValue,
} from "@tessera/domain";
import { and, eq, sql } from "drizzle-orm";
import type { z } from "zod";
import { recordAudit } from "../audit/service.ts";
import type { AppDeps, ServiceContext } from "../context.ts";
import { lookupTxt } from "./dns.ts";
import { type CustomizationRow, findCustomization, requireAllowed, saveCustomization } from "./store.ts";

/** What a DOMAIN record holds. */
export interface DomainValue {
  hostname: string;
  token: string;
  status: DomainStatus;
  /** The DNS answer that decided the status, in words. */
  reason: string | null;
  /** The TXT records seen at the last check, or the DNS error. */
  dnsRecords: string[] | null;
  dnsError: string | null;
  setAt: string;
  checkedAt: string | null;
  verifiedAt: string | null;
  checks: number;
}

type DomainDeps = Pick<AppDeps, "config">;

/** The record with the DNS instructions the customer needs. */
export const domainView = (row: Pick<CustomizationRow, "id" | "value" | "version" | "updatedAt">) => {
  const value = row.value as unknown as DomainValue;
  return {
    id: row.id,
    version: row.version,
    ...value,
    verification: {
      type: "TXT" as const,
      name: verificationRecordName(value.hostname),
      value: verificationRecordValue(value.token),
    },
    updatedAt: row.updatedAt,
  };
};

/** Claim a hostname: PENDING until its TXT record proves control. Setting the same name again keeps its token. */
export const setCustomDomain = async (
  ctx: ServiceContext,
  deps: DomainDeps,
  organizationId: string,
  input: z.output<typeof CustomDomainInput>,
) => {
  const hostname = normalizeCustomDomain(input.hostname, deps.config.PLATFORM_DOMAINS);
  const now = ctx.clock.now();
  const row = await ctx.db.transaction(async (tx) => {
    await requireAllowed(tx, organizationId, "DOMAIN", now);
    const current = await findCustomization(tx, organizationId, "DOMAIN", SINGLETON_KEY);
    if (current && (current.value as unknown as DomainValue).hostname === hostname) return current;
    const value: DomainValue = {
      hostname,
      token: randomBytes(16).toString("hex"),
      status: "PENDING",
      reason: null,
      dnsRecords: null,
      dnsError: null,
      setAt: now.toISOString(),
      checkedAt: null,
      verifiedAt: null,
      checks: 0,
    };
    return saveCustomization(tx, ctx, {
      organizationId,
      type: "DOMAIN",
      key: SINGLETON_KEY,
      value: value as unknown as Record<string, unknown>,
      action: "white_label.domain_set",
    });
  });
  return domainView(row);
};

export const getCustomDomain = async (ctx: ServiceContext, organizationId: string) => {
  const row = await findCustomization(ctx.db, organizationId, "DOMAIN", SINGLETON_KEY);
  return row ? domainView(row) : null;
};

/**
 * Look up `_tessera.<hostname>` and record the verdict. The write is conditional on the
 * version read: of two racing checks (a click and the sweep, or two instances) one records
 * the transition and its audit event; the other returns what was stored.
 */
const checkDomainRecord = async (ctx: ServiceContext, deps: DomainDeps, row: CustomizationRow) => {
  const value = row.value as unknown as DomainValue;
  const answer = await lookupTxt(verificationRecordName(value.hostname), deps.config.DNS_RESOLVER);
  const verdict = judgeDomainCheck(value.hostname, value.token, answer);
  const now = ctx.clock.now();
  const next: DomainValue = {
    ...value,
    status: verdict.status,
    reason: verdict.reason,
    dnsRecords: "records" in answer ? answer.records : null,
    dnsError: "error" in answer ? answer.error : null,
    checkedAt: now.toISOString(),
    verifiedAt: verdict.status === "VERIFIED" ? (value.verifiedAt ?? now.toISOString()) : null,
    checks: value.checks + 1,
  };
  return ctx.db.transaction(async (tx) => {
    const [saved] = await tx
      .update(customizations)
      .set({ value: next as unknown as Record<string, unknown>, version: row.version + 1, updatedAt: now })
      .where(and(eq(customizations.id, row.id), eq(customizations.version, row.version)))
      .returning();
    if (!saved) {
      const [latest] = await tx.select().from(customizations).where(eq(customizations.id, row.id));
      if (!latest) throw new DomainError("NOT_FOUND", "No custom domain is set", { field: "hostname" });
      return latest;
    }
    if (value.status !== next.status) {
      await recordAudit(tx, ctx, {
        action: next.status === "VERIFIED" ? "white_label.domain_verified" : "white_label.domain_failed",
        organizationId: row.organizationId,
        targetType: "customization",
        targetId: row.id,
        before: { status: value.status },
        after: {
          status: next.status,
          reason: next.reason,
          dnsRecords: next.dnsRecords,
          dnsError: next.dnsError,
        },
      });
    }
    return saved;
  });
};

/** Re-check on demand. */
export const verifyCustomDomain = async (ctx: ServiceContext, deps: DomainDeps, organizationId: string) => {
  const row = await findCustomization(ctx.db, organizationId, "DOMAIN", SINGLETON_KEY);
  if (!row) throw new DomainError("NOT_FOUND", "No custom domain is set", { field: "hostname" });
  await requireAllowed(ctx.db, organizationId, "DOMAIN", ctx.clock.now());
  return domainView(await checkDomainRecord(ctx, deps, row));
};

/** How often the sweep looks again at one unverified domain. */
const SWEEP_RECHECK_MS = 5 * 60_000;

/**
 * Re-check domains not yet verified, for 72 hours after they were set (DNS takes its time);
 * after that only a click re-checks. Verified domains stay verified.
 */
export const runDomainSweep = async (deps: AppDeps, now: Date) => {
  const ctx: ServiceContext = {
    db: deps.db,
    clock: { now: () => now },
    actor: null,
    ip: null,
    system: "domain-sweep",
  };
  const windowStart = new Date(now.getTime() - DOMAIN_RECHECK_WINDOW_HOURS * 3_600_000).toISOString();
  const recheckBefore = new Date(now.getTime() - SWEEP_RECHECK_MS).toISOString();
  const due = await deps.db
    .select()
    .from(customizations)
    .where(
      and(
        eq(customizations.type, "DOMAIN"),
        sql`${customizations.value}->>'status' in ('PENDING', 'FAILED')`,
        sql`(${customizations.value}->>'setAt')::timestamptz > ${windowStart}::timestamptz`,
        sql`coalesce((${customizations.value}->>'checkedAt')::timestamptz, '-infinity') < ${recheckBefore}::timestamptz`,
      ),
    )
    .limit(100);
  let verified = 0;
  for (const row of due) {
    const saved = await checkDomainRecord(ctx, deps, row);
    if ((saved.value as unknown as DomainValue).status === "VERIFIED") verified++;
  }
  return { checked: due.length, verified };
};

/** The organisation whose verified custom domain a request arrived on, if any. */
export const organizationForHost = async (
  deps: Pick<AppDeps, "db">,
  host: string | null,
): Promise<string | null> => {
  const hostname = host?.trim().toLowerCase().replace(/:\d+$/, "").replace(/\.$/, "");
  if (!hostname || hostname.length > 253) return null;
  const [row] = await deps.db
    .select({ organizationId: customizations.organizationId })
    .from(customizations)
    .where(
      and(
        eq(customizations.type, "DOMAIN"),
        sql`${customizations.value}->>'hostname' = ${hostname}`,
        sql`${customizations.value}->>'status' = 'VERIFIED'`,
      ),
    )
    .limit(1);
  return row?.organizationId ?? null;
};
