import type { DomainStatus } from "./domains.ts";

/** A verified domain's TXT proof may be missing this long before the domain lapses. */
export const DOMAIN_LAPSE_HOURS = 72;
/** How often a verified domain's proof is looked at again. */
const VERIFIED_RECHECK_HOURS = 24;
/** While a verified domain's proof is missing, it is looked at this often (a lapse lands on time). */
const MISSING_PROOF_RECHECK_MINUTES = 60;

interface ClaimState {
  status: DomainStatus;
  verifiedAt: string | null;
  proofMissingSince: string | null;
  lapsedAt: string | null;
}

interface CheckOutcome {
  status: "VERIFIED" | "FAILED";
  reason: string;
}

/**
 * The claim's state after a TXT check. A VERIFIED domain whose proof disappears stays VERIFIED
 * (still served) with the time it was first missed; after DOMAIN_LAPSE_HOURS it becomes
 * LAPSED, no longer served. Proof seen again clears the mark, and revives a LAPSED domain.
 * A LAPSED domain without proof stays LAPSED (its cause shown), unless another organisation
 * has verified the name meanwhile (`outcome` then says so, and the claim is FAILED).
 */
export const nextClaimState = (
  current: ClaimState,
  outcome: CheckOutcome,
  options: { takenElsewhere: boolean; now: Date },
): ClaimState & { reason: string } => {
  const now = options.now.toISOString();
  if (outcome.status === "VERIFIED") {
    const stillVerified = current.status === "VERIFIED" && current.verifiedAt;
    return {
      status: "VERIFIED",
      reason: outcome.reason,
      verifiedAt: stillVerified ? current.verifiedAt : now,
      proofMissingSince: null,
      lapsedAt: null,
    };
  }
  if (current.status === "VERIFIED") {
    const missingSince = current.proofMissingSince ?? now;
    const lapsed = options.now.getTime() - new Date(missingSince).getTime() >= DOMAIN_LAPSE_HOURS * 3_600_000;
    return {
      status: lapsed ? "LAPSED" : "VERIFIED",
      reason: lapsed
        ? `Lapsed: the TXT proof has been missing since ${missingSince}. ${outcome.reason}`
        : outcome.reason,
      verifiedAt: current.verifiedAt,
      proofMissingSince: missingSince,
      lapsedAt: lapsed ? now : null,
    };
  }
  if (current.status === "LAPSED" && !options.takenElsewhere) {
    return { ...current, reason: `Lapsed: ${outcome.reason}` };
  }
  return {
    status: "FAILED",
    reason: outcome.reason,
    verifiedAt: null,
    proofMissingSince: null,
    lapsedAt: null,
  };
};

/**
 * The re-check's cut-offs: a verified domain last checked before `daily` is due, and one whose
 * proof is missing is due once checked before `whileMissing`.
 */
export const verifiedRecheckCutoffs = (now: Date) => ({
  daily: new Date(now.getTime() - VERIFIED_RECHECK_HOURS * 3_600_000),
  whileMissing: new Date(now.getTime() - MISSING_PROOF_RECHECK_MINUTES * 60_000),
});
