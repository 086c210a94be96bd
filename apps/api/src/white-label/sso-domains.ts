import { randomBytes } from "node:crypto";
import type { Executor } from "@tessera/db";
import { organizations, ssoDomains } from "@tessera/db/schema";
import {
  CLAIM_TAKEN_REASON,
  DomainError,
  judgeDomainCheck,
  normalizeSsoDomain,
  type SsoDomainInput,
  verificationRecordName,
  verificationRecordValue,
} from "@tessera/domain";
import { and, asc, count, eq } from "drizzle-orm";
import type { z } from "zod";
import type { AppDeps, ServiceContext } from "../context.ts";
import { recordEvent } from "../events/record-event.ts";
import { lookupTxt } from "./dns.ts";
import { requireAllowed } from "./store.ts";

type SsoDomainRow = typeof ssoDomains.$inferSelect;
type SsoDomainDeps = Pick<AppDeps, "config">;

/** An organisation proves at most this many email domains. */
const SSO_DOMAIN_LIMIT = 50;

/** A claim with the DNS record the customer must create. */
const ssoDomainView = (row: SsoDomainRow) => ({
  id: row.id,
  domain: row.domain,
  status: row.status,
  reason: row.reason,
  dnsRecords: row.dnsRecords,
  dnsError: row.dnsError,
  checks: row.checks,
  checkedAt: row.checkedAt,
  verifiedAt: row.verifiedAt,
  createdAt: row.createdAt,
  verification: {
    type: "TXT" as const,
    name: verificationRecordName(row.domain),
    value: verificationRecordValue(row.token),
  },
});

export const listSsoDomains = async (ctx: ServiceContext, organizationId: string) =>
  (
    await ctx.db
      .select()
      .from(ssoDomains)
      .where(eq(ssoDomains.organizationId, organizationId))
      .orderBy(asc(ssoDomains.domain))
  ).map(ssoDomainView);

/**
 * Claim email domains for the organisation (PENDING until proven); a domain already claimed
 * keeps its token. Inside `tx`, under a lock on the organisation row so that concurrent
 * claims cannot pass the cap together. Refuses public-mail and platform domains naming
 * `fieldOf(i)`, and a domain another organisation has verified.
 */
export const claimSsoDomains = async (
  tx: Executor,
  ctx: ServiceContext,
  deps: SsoDomainDeps,
  organizationId: string,
  raw: readonly string[],
  fieldOf: (index: number) => string,
) => {
  const domains = raw.map((value, index) =>
    normalizeSsoDomain(value, deps.config.PLATFORM_DOMAINS, fieldOf(index)),
  );
  await tx
    .select({ id: organizations.id })
    .from(organizations)
    .where(eq(organizations.id, organizationId))
    .for("update");
  const claimed: SsoDomainRow[] = [];
  for (const [index, domain] of domains.entries()) {
    const [owner] = await tx
      .select({ organizationId: ssoDomains.organizationId })
      .from(ssoDomains)
      .where(and(eq(ssoDomains.domain, domain), eq(ssoDomains.status, "VERIFIED")))
      .limit(1);
    if (owner && owner.organizationId !== organizationId) {
      throw new DomainError("DOMAIN_TAKEN", `${domain} is already verified by another organisation`, {
        field: fieldOf(index),
      });
    }
    const now = ctx.clock.now();
    const [inserted] = await tx
      .insert(ssoDomains)
      .values({
        organizationId,
        domain,
        token: randomBytes(16).toString("hex"),
        createdAt: now,
        updatedAt: now,
      })
      .onConflictDoNothing({ target: [ssoDomains.organizationId, ssoDomains.domain] })
      .returning();
    if (!inserted) continue;
    claimed.push(inserted);
    await recordEvent(tx, ctx, {
      action: "white_label.sso_domain_added",
      organizationId,
      targetType: "sso_domain",
      targetId: inserted.id,
      after: { domain, status: inserted.status },
    });
  }
  const [total] = await tx
    .select({ value: count() })
    .from(ssoDomains)
    .where(eq(ssoDomains.organizationId, organizationId));
  if ((total?.value ?? 0) > SSO_DOMAIN_LIMIT) {
    throw new DomainError(
      "VALIDATION_FAILED",
      `An organisation may claim at most ${SSO_DOMAIN_LIMIT} SSO domains`,
      {
        field: fieldOf(0),
      },
    );
  }
  return claimed;
};

/** Claim one email domain for SSO; its TXT record is shown until it is proven. */
export const addSsoDomain = async (
  ctx: ServiceContext,
  deps: SsoDomainDeps,
  organizationId: string,
  input: z.output<typeof SsoDomainInput>,
) => {
  const domain = normalizeSsoDomain(input.domain, deps.config.PLATFORM_DOMAINS);
  await ctx.db.transaction(async (tx) => {
    await requireAllowed(tx, organizationId, "SSO", ctx.clock.now());
    await claimSsoDomains(tx, ctx, deps, organizationId, [domain], () => "domain");
  });
  const [row] = await ctx.db
    .select()
    .from(ssoDomains)
    .where(and(eq(ssoDomains.organizationId, organizationId), eq(ssoDomains.domain, domain)));
  if (!row) throw new DomainError("NOT_FOUND", "SSO domain not found", { field: "domain" });
  return ssoDomainView(row);
};

const findOwn = async (executor: Executor, organizationId: string, ssoDomainId: string) => {
  const [row] = await executor
    .select()
    .from(ssoDomains)
    .where(and(eq(ssoDomains.id, ssoDomainId), eq(ssoDomains.organizationId, organizationId)));
  if (!row) throw new DomainError("NOT_FOUND", "SSO domain not found", { field: "ssoDomainId" });
  return row;
};

/** Mark these locked, unverified claims FAILED with `reason`, each audited for its own organisation. */
export const failSsoDomainClaims = async (
  tx: Executor,
  ctx: ServiceContext,
  claims: SsoDomainRow[],
  reason: string,
  action: string,
) => {
  for (const claim of claims) {
    await tx
      .update(ssoDomains)
      .set({ status: "FAILED", reason, version: claim.version + 1, updatedAt: ctx.clock.now() })
      .where(eq(ssoDomains.id, claim.id));
    await recordEvent(tx, ctx, {
      action,
      organizationId: claim.organizationId,
      targetType: "sso_domain",
      targetId: claim.id,
      before: { domain: claim.domain, status: claim.status, reason: claim.reason },
      after: { domain: claim.domain, status: "FAILED", reason },
    });
  }
};

/**
 * Look up `_tessera.<domain>` and record the verdict, as for custom domains: every claim on
 * the domain is locked in id order, proof wins over other organisations' unverified claims
 * (they become FAILED), a domain verified elsewhere stays theirs, and the write is
 * conditional on the version read so racing checks record one transition.
 */
export const checkSsoDomain = async (ctx: ServiceContext, deps: SsoDomainDeps, row: SsoDomainRow) => {
  const answer = await lookupTxt(verificationRecordName(row.domain), deps.config.DNS_RESOLVER);
  const judged = judgeDomainCheck(row.domain, row.token, answer);
  const now = ctx.clock.now();
  return ctx.db.transaction(async (tx) => {
    const claims = await tx
      .select()
      .from(ssoDomains)
      .where(eq(ssoDomains.domain, row.domain))
      .orderBy(asc(ssoDomains.id))
      .for("update");
    const takenElsewhere = claims.some((claim) => claim.id !== row.id && claim.status === "VERIFIED");
    const verdict =
      judged.status === "VERIFIED" && takenElsewhere
        ? { status: "FAILED" as const, reason: CLAIM_TAKEN_REASON }
        : judged;
    const [saved] = await tx
      .update(ssoDomains)
      .set({
        status: verdict.status,
        reason: verdict.reason,
        dnsRecords: "records" in answer ? answer.records : null,
        dnsError: "error" in answer ? answer.error : null,
        checks: row.checks + 1,
        checkedAt: now,
        verifiedAt: verdict.status === "VERIFIED" ? (row.verifiedAt ?? now) : null,
        version: row.version + 1,
        updatedAt: now,
      })
      .where(and(eq(ssoDomains.id, row.id), eq(ssoDomains.version, row.version)))
      .returning();
    if (!saved) return claims.find((claim) => claim.id === row.id) ?? row;
    if (saved.status !== row.status) {
      await recordEvent(tx, ctx, {
        action:
          saved.status === "VERIFIED" ? "white_label.sso_domain_verified" : "white_label.sso_domain_failed",
        organizationId: row.organizationId,
        targetType: "sso_domain",
        targetId: row.id,
        before: { domain: row.domain, status: row.status },
        after: { domain: row.domain, status: saved.status, reason: saved.reason, dnsError: saved.dnsError },
      });
    }
    if (saved.status === "VERIFIED") {
      const losers = claims.filter((claim) => claim.id !== row.id && claim.status !== "VERIFIED");
      await failSsoDomainClaims(tx, ctx, losers, CLAIM_TAKEN_REASON, "white_label.sso_domain_failed");
    }
    return saved;
  });
};

/** Check one of the organisation's claims now. */
export const verifySsoDomain = async (
  ctx: ServiceContext,
  deps: SsoDomainDeps,
  organizationId: string,
  ssoDomainId: string,
) => {
  const row = await findOwn(ctx.db, organizationId, ssoDomainId);
  await requireAllowed(ctx.db, organizationId, "SSO", ctx.clock.now());
  return ssoDomainView(await checkSsoDomain(ctx, deps, row));
};

/** Give up a claim (verified or not): its users no longer reach the identity provider by it. */
export const removeSsoDomain = async (ctx: ServiceContext, organizationId: string, ssoDomainId: string) =>
  ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .delete(ssoDomains)
      .where(and(eq(ssoDomains.id, ssoDomainId), eq(ssoDomains.organizationId, organizationId)))
      .returning();
    if (!row) throw new DomainError("NOT_FOUND", "SSO domain not found", { field: "ssoDomainId" });
    await recordEvent(tx, ctx, {
      action: "white_label.sso_domain_removed",
      organizationId,
      targetType: "sso_domain",
      targetId: row.id,
      before: { domain: row.domain, status: row.status },
    });
    return ssoDomainView(row);
  });

/** Whether the organisation has proven control of this email domain. */
export const ssoDomainVerified = async (executor: Executor, organizationId: string, domain: string) => {
  const [row] = await executor
    .select({ id: ssoDomains.id })
    .from(ssoDomains)
    .where(
      and(
        eq(ssoDomains.organizationId, organizationId),
        eq(ssoDomains.domain, domain.toLowerCase()),
        eq(ssoDomains.status, "VERIFIED"),
      ),
    )
    .limit(1);
  return Boolean(row);
};
