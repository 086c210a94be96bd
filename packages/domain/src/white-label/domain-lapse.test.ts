import { describe, expect, it } from "vitest";
import { DOMAIN_LAPSE_HOURS, nextClaimState, verifiedRecheckCutoffs } from "./domain-lapse.ts";

const HOUR = 3_600_000;
const T0 = new Date("2026-03-01T00:00:00.000Z");
const at = (hours: number) => new Date(T0.getTime() + hours * HOUR);
const iso = (hours: number) => at(hours).toISOString();
const PROOF = { status: "VERIFIED" as const, reason: "TXT record holds the token" };
const GONE = { status: "FAILED" as const, reason: "No TXT record found" };
const verified = {
  status: "VERIFIED" as const,
  verifiedAt: iso(-100),
  proofMissingSince: null,
  lapsedAt: null,
};
const fresh = { takenElsewhere: false };

describe("nextClaimState", () => {
  it("a pending claim with proof becomes VERIFIED now; without, FAILED", () => {
    const pending = { status: "PENDING" as const, verifiedAt: null, proofMissingSince: null, lapsedAt: null };
    expect(nextClaimState(pending, PROOF, { ...fresh, now: at(1) })).toEqual({
      status: "VERIFIED",
      reason: PROOF.reason,
      verifiedAt: iso(1),
      proofMissingSince: null,
      lapsedAt: null,
    });
    expect(nextClaimState(pending, GONE, { ...fresh, now: at(1) })).toEqual({
      status: "FAILED",
      reason: GONE.reason,
      verifiedAt: null,
      proofMissingSince: null,
      lapsedAt: null,
    });
  });

  it("a verified domain keeps its verification time while the proof holds", () => {
    expect(nextClaimState(verified, PROOF, { ...fresh, now: at(0) })).toMatchObject({
      status: "VERIFIED",
      verifiedAt: iso(-100),
    });
  });

  it("missing proof marks a verified domain, which stays VERIFIED until 72 hours have passed", () => {
    const marked = nextClaimState(verified, GONE, { ...fresh, now: at(0) });
    expect(marked).toEqual({
      status: "VERIFIED",
      reason: GONE.reason,
      verifiedAt: iso(-100),
      proofMissingSince: iso(0),
      lapsedAt: null,
    });
    const justBefore = nextClaimState(marked, GONE, {
      ...fresh,
      now: new Date(at(DOMAIN_LAPSE_HOURS).getTime() - 1),
    });
    expect(justBefore).toMatchObject({ status: "VERIFIED", proofMissingSince: iso(0), lapsedAt: null });
    const lapsed = nextClaimState(marked, GONE, { ...fresh, now: at(DOMAIN_LAPSE_HOURS) });
    expect(lapsed).toEqual({
      status: "LAPSED",
      reason: `Lapsed: the TXT proof has been missing since ${iso(0)}. ${GONE.reason}`,
      verifiedAt: iso(-100),
      proofMissingSince: iso(0),
      lapsedAt: iso(DOMAIN_LAPSE_HOURS),
    });
  });

  it("proof returning before the lapse clears the mark", () => {
    const marked = { ...verified, proofMissingSince: iso(0) };
    expect(nextClaimState(marked, PROOF, { ...fresh, now: at(10) })).toMatchObject({
      status: "VERIFIED",
      proofMissingSince: null,
      verifiedAt: iso(-100),
    });
  });

  it("a lapsed domain stays LAPSED without proof, and is VERIFIED anew when it returns", () => {
    const lapsed = {
      status: "LAPSED" as const,
      verifiedAt: iso(-100),
      proofMissingSince: iso(0),
      lapsedAt: iso(72),
    };
    expect(nextClaimState(lapsed, GONE, { ...fresh, now: at(80) })).toEqual({
      ...lapsed,
      reason: `Lapsed: ${GONE.reason}`,
    });
    expect(nextClaimState(lapsed, PROOF, { ...fresh, now: at(80) })).toEqual({
      status: "VERIFIED",
      reason: PROOF.reason,
      verifiedAt: iso(80),
      proofMissingSince: null,
      lapsedAt: null,
    });
  });

  it("a lapsed domain another organisation verified meanwhile is FAILED", () => {
    const lapsed = {
      status: "LAPSED" as const,
      verifiedAt: iso(-100),
      proofMissingSince: iso(0),
      lapsedAt: iso(72),
    };
    expect(nextClaimState(lapsed, GONE, { takenElsewhere: true, now: at(80) })).toMatchObject({
      status: "FAILED",
      lapsedAt: null,
    });
  });
});

describe("verifiedRecheckCutoffs", () => {
  it("daily, and hourly while the proof is missing", () => {
    expect(verifiedRecheckCutoffs(at(48))).toEqual({ daily: at(24), whileMissing: at(47) });
  });
});
