import { randomBytes } from "node:crypto";
import type { Executor } from "@tessera/db";
import { customizations } from "@tessera/db/schema";
import {
  CLAIM_TAKEN_REASON,
  type CustomDomainInput,
  DomainError,
  type DomainValue,
  judgeDomainCheck,
  judgeRouting,
  nextClaimState,
  normalizeCustomDomain,
  SINGLETON_KEY,
  verificationRecordName,
} from "@tessera/domain";
import { and, asc, eq, sql } from "drizzle-orm";
import type { z } from "zod";
import type { AppDeps, ServiceContext } from "../context.ts";
import { recordEvent } from "../events/record-event.ts";
import { lookupRouting, lookupTxt } from "./dns.ts";
import { domainWithInstructions } from "./domain-view.ts";
import { type CustomizationRow, findCustomization, requireAllowed, saveCustomization } from "./store.ts";
import { storedValue } from "./stored-value.ts";

type DomainDeps = Pick<AppDeps, "config">;

/** Every organisation's DOMAIN record naming this hostname. */
const hostnameClaims = (hostname: string) =>
  and(eq(customizations.type, "DOMAIN"), sql`${customizations.value}->>'hostname' = ${hostname}`);

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
      proofMissingSince: null,
      lapsedAt: null,
      routing: null,
    };
    return saveCustomization(tx, ctx, {
      organizationId,
      type: "DOMAIN",
      key: SINGLETON_KEY,
      value,
      action: "white_label.domain_set",
    });
  });
  return domainWithInstructions(row, deps.config.PLATFORM_CNAME_TARGET);
};

export const getCustomDomain = async (ctx: ServiceContext, deps: DomainDeps, organizationId: string) => {
  const row = await findCustomization(ctx.db, organizationId, "DOMAIN", SINGLETON_KEY);
  return row ? domainWithInstructions(row, deps.config.PLATFORM_CNAME_TARGET) : null;
};

/** The audited name of a status change. */
const TRANSITION_ACTION = {
  VERIFIED: "white_label.domain_verified",
  FAILED: "white_label.domain_failed",
  LAPSED: "white_label.domain_lapsed",
  PENDING: "white_label.domain_failed",
} as const;

/** Both lookups, outside any transaction: the TXT proof and where the hostname points. */
const lookUpDomain = async (deps: DomainDeps, value: DomainValue, now: Date) => {
  const target = deps.config.PLATFORM_CNAME_TARGET;
  const [answer, routingAnswer] = await Promise.all([
    lookupTxt(verificationRecordName(value.hostname), deps.config.DNS_RESOLVER),
    lookupRouting(value.hostname, target, deps.config.DNS_RESOLVER),
  ]);
  const routing = {
    ...judgeRouting(value.hostname, target, routingAnswer),
    targetAddresses: "records" in routingAnswer.targetAddresses ? routingAnswer.targetAddresses.records : [],
    checkedAt: now.toISOString(),
  };
  return { answer, judged: judgeDomainCheck(value.hostname, value.token, answer), routing };
};

/**
 * Look up `_tessera.<hostname>` and where the hostname points, and record both. Every claim on
 * the hostname is locked (in id order, so two verifications of one name queue rather than
 * deadlock): proof wins over other organisations' unverified claims, which become FAILED; a
 * name another organisation already verified stays theirs. A verified domain whose proof is
 * gone is marked and lapses after 72 hours (`nextClaimState`). The write is conditional on the
 * version read: of two racing checks one records the transition and its audit event (and so
 * the lapse notice); the other returns what was stored.
 */
export const checkDomainRecord = async (ctx: ServiceContext, deps: DomainDeps, row: CustomizationRow) => {
  const value = storedValue("DOMAIN", row.value);
  const now = ctx.clock.now();
  const { answer, judged, routing } = await lookUpDomain(deps, value, now);
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
    const outcome =
      judged.status === "VERIFIED" && takenElsewhere
        ? { status: "FAILED" as const, reason: CLAIM_TAKEN_REASON }
        : judged;
    const next: DomainValue = {
      ...value,
      ...nextClaimState(value, outcome, { takenElsewhere, now }),
      dnsRecords: "records" in answer ? answer.records : null,
      dnsError: "error" in answer ? answer.error : null,
      checkedAt: now.toISOString(),
      checks: value.checks + 1,
      routing,
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
    await recordCheckEvents(tx, ctx, row, value, next);
    if (next.status === "VERIFIED") {
      // Proof won: other organisations' claims on the hostname lose, with the reason shown to them.
      const losers = claims.filter((claim) => claim.id !== row.id && claim.value.status !== "VERIFIED");
      await failDomainClaims(tx, ctx, losers, CLAIM_TAKEN_REASON, "white_label.domain_failed");
    }
    return saved;
  });
};

/** A status change, and a verified domain's proof going missing or coming back, are audited. */
const recordCheckEvents = async (
  tx: Executor,
  ctx: ServiceContext,
  row: CustomizationRow,
  before: DomainValue,
  after: DomainValue,
) => {
  const target = { organizationId: row.organizationId, targetType: "customization", targetId: row.id };
  if (before.status !== after.status) {
    await recordEvent(tx, ctx, {
      action: TRANSITION_ACTION[after.status],
      ...target,
      before: { status: before.status, proofMissingSince: before.proofMissingSince },
      after: {
        status: after.status,
        reason: after.reason,
        dnsRecords: after.dnsRecords,
        dnsError: after.dnsError,
        lapsedAt: after.lapsedAt,
      },
    });
    return;
  }
  if (after.status !== "VERIFIED" || !before.proofMissingSince === !after.proofMissingSince) return;
  await recordEvent(tx, ctx, {
    action: after.proofMissingSince
      ? "white_label.domain_proof_missing"
      : "white_label.domain_proof_restored",
    ...target,
    before: { proofMissingSince: before.proofMissingSince },
    after: { proofMissingSince: after.proofMissingSince, reason: after.reason },
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
  return domainWithInstructions(await checkDomainRecord(ctx, deps, row), deps.config.PLATFORM_CNAME_TARGET);
};
