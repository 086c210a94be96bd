import { randomBytes } from "node:crypto";
import type { Executor } from "@tessera/db";
import { customizations } from "@tessera/db/schema";
import {
  CLAIM_TAKEN_REASON,
  type CustomDomainInput,
  DomainError,
  type DomainValue,
  judgeDomainCheck,
  normalizeCustomDomain,
  SINGLETON_KEY,
  verificationRecordName,
  verificationRecordValue,
} from "@tessera/domain";
import { and, asc, eq, sql } from "drizzle-orm";
import type { z } from "zod";
import type { AppDeps, ServiceContext } from "../context.ts";
import { recordEvent } from "../events/record-event.ts";
import { lookupTxt } from "./dns.ts";
import { type CustomizationRow, findCustomization, requireAllowed, saveCustomization } from "./store.ts";
import { storedValue } from "./stored-value.ts";

type DomainDeps = Pick<AppDeps, "config">;

/** Every organisation's DOMAIN record naming this hostname. */
const hostnameClaims = (hostname: string) =>
  and(eq(customizations.type, "DOMAIN"), sql`${customizations.value}->>'hostname' = ${hostname}`);

/** The record with the DNS instructions the customer needs. */
export const domainView = (row: Pick<CustomizationRow, "id" | "value" | "version" | "updatedAt">) => {
  const value = storedValue("DOMAIN", row.value);
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
    if (current && storedValue("DOMAIN", current.value).hostname === hostname) return current;
    // Unverified claims elsewhere do not stand in the way; a verified owner does.
    const [owner] = await tx
      .select({ id: customizations.id })
      .from(customizations)
      .where(and(hostnameClaims(hostname), sql`${customizations.value}->>'status' = 'VERIFIED'`))
      .limit(1);
    if (owner) {
      throw new DomainError("DOMAIN_TAKEN", "This hostname is already verified by another organisation", {
        field: "hostname",
      });
    }
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
      value,
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
 * Look up `_tessera.<hostname>` and record the verdict. Every claim on the hostname is locked
 * (in id order, so two verifications of one name queue rather than deadlock): proof wins over
 * other organisations' unverified claims, which become FAILED; a name another organisation
 * already verified stays theirs. The write is conditional on the version read: of two racing
 * checks one records the transition and its audit event; the other returns what was stored.
 */
export const checkDomainRecord = async (ctx: ServiceContext, deps: DomainDeps, row: CustomizationRow) => {
  const value = storedValue("DOMAIN", row.value);
  const answer = await lookupTxt(verificationRecordName(value.hostname), deps.config.DNS_RESOLVER);
  const judged = judgeDomainCheck(value.hostname, value.token, answer);
  const now = ctx.clock.now();
  return ctx.db.transaction(async (tx) => {
    const claims = await tx
      .select({
        id: customizations.id,
        organizationId: customizations.organizationId,
        value: customizations.value,
      })
      .from(customizations)
      .where(hostnameClaims(value.hostname))
      .orderBy(asc(customizations.id))
      .for("update");
    const takenElsewhere = claims.some(
      (claim) => claim.organizationId !== row.organizationId && claim.value.status === "VERIFIED",
    );
    const verdict =
      judged.status === "VERIFIED" && takenElsewhere
        ? { status: "FAILED" as const, reason: CLAIM_TAKEN_REASON }
        : judged;
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
    const [saved] = await tx
      .update(customizations)
      .set({ value: next, version: row.version + 1, updatedAt: now })
      .where(and(eq(customizations.id, row.id), eq(customizations.version, row.version)))
      .returning();
    if (!saved) {
      const [latest] = await tx.select().from(customizations).where(eq(customizations.id, row.id));
      if (!latest) throw new DomainError("NOT_FOUND", "No custom domain is set", { field: "hostname" });
      return latest;
    }
    if (value.status !== next.status) {
      await recordEvent(tx, ctx, {
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
    if (next.status === "VERIFIED") {
      // Proof won: other organisations' claims on the hostname lose, with the reason shown to them.
      const losers = claims.filter((claim) => claim.id !== row.id && claim.value.status !== "VERIFIED");
      await failDomainClaims(tx, ctx, losers, CLAIM_TAKEN_REASON, "white_label.domain_failed");
    }
    return saved;
  });
};

interface Claim {
  id: string;
  organizationId: string;
  value: Record<string, unknown>;
}

/** Mark these (locked, unverified) DOMAIN records FAILED with `reason`, each audited for its own organisation. */
export const failDomainClaims = async (
  tx: Executor,
  ctx: ServiceContext,
  claims: Claim[],
  reason: string,
  action: string,
) => {
  for (const claim of claims) {
    await tx
      .update(customizations)
      .set({
        value: sql`${customizations.value} || jsonb_build_object('status', 'FAILED', 'reason', ${reason}::text)`,
        version: sql`${customizations.version} + 1`,
        updatedAt: ctx.clock.now(),
      })
      .where(eq(customizations.id, claim.id));
    await recordEvent(tx, ctx, {
      action,
      organizationId: claim.organizationId,
      targetType: "customization",
      targetId: claim.id,
      before: { status: claim.value.status, reason: claim.value.reason ?? null },
      after: { status: "FAILED", reason },
    });
  }
};

/** Re-check on demand. */
export const verifyCustomDomain = async (ctx: ServiceContext, deps: DomainDeps, organizationId: string) => {
  const row = await findCustomization(ctx.db, organizationId, "DOMAIN", SINGLETON_KEY);
  if (!row) throw new DomainError("NOT_FOUND", "No custom domain is set", { field: "hostname" });
  await requireAllowed(ctx.db, organizationId, "DOMAIN", ctx.clock.now());
  return domainView(await checkDomainRecord(ctx, deps, row));
};
