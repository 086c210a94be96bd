import { describe, expect, it } from "vitest";
import { DomainError } from "../errors.ts";
import {
  AUTO_RENEW_GRACE_MS,
  AUTO_RENEW_WINDOW_MS,
  addMonths,
  autoRenewDueBefore,
  effectiveStatus,
  LICENSE_ACTIONS,
  LICENSE_STATUSES,
  type LicenseAction,
  type LicenseStatus,
  nextLicenseState,
  renewedExpiry,
} from "./lifecycle.ts";

const now = new Date("2026-06-15T12:00:00Z");
const day = 86_400_000;
const license = (status: LicenseStatus, expiresInDays: number | null = 100) => ({
  status,
  startsAt: new Date("2026-01-01T00:00:00Z"),
  expiresAt: expiresInDays === null ? null : new Date(now.getTime() + expiresInDays * day),
  termMonths: 12,
  autoRenew: false,
  renewalFailedAt: null,
});

/** Every status × action: the resulting status, or null where the transition is refused. */
const TABLE: Record<LicenseStatus, Record<LicenseAction, LicenseStatus | null>> = {
  PENDING: {
    activate: "ACTIVE",
    suspend: null,
    reinstate: null,
    expire: null,
    renew: null,
    cancel: "CANCELLED",
  },
  ACTIVE: {
    activate: null,
    suspend: "SUSPENDED",
    reinstate: null,
    expire: null,
    renew: "ACTIVE",
    cancel: "CANCELLED",
  },
  SUSPENDED: {
    activate: null,
    suspend: null,
    reinstate: "ACTIVE",
    expire: null,
    renew: null,
    cancel: "CANCELLED",
  },
  EXPIRED: {
    activate: null,
    suspend: null,
    reinstate: null,
    expire: null,
    renew: "ACTIVE",
    cancel: "CANCELLED",
  },
  // expire on ACTIVE is refused while time remains; see the test below for one past expiry
  CANCELLED: { activate: null, suspend: null, reinstate: null, expire: null, renew: null, cancel: null },
};

describe("nextLicenseState", () => {
  for (const status of LICENSE_STATUSES) {
    for (const action of LICENSE_ACTIONS) {
      const expected = TABLE[status][action];
      it(`${action} on ${status} → ${expected ?? "refused"}`, () => {
        const call = () => nextLicenseState(license(status), action, now, "reason");
        if (expected === null) {
          expect(call).toThrow(DomainError);
          try {
            call();
          } catch (error) {
            expect((error as DomainError).code).toBe("LICENSE_INVALID_TRANSITION");
            expect((error as DomainError).details.currentStatus).toBe(status);
            expect((error as DomainError).message).toContain(status);
          }
        } else {
          expect(call().to).toBe(expected);
        }
      });
    }
  }

  it("expires an ACTIVE license once its time has passed", () => {
    expect(nextLicenseState(license("ACTIVE", -1), "expire", now).to).toBe("EXPIRED");
  });

  it("names the effective status: an ACTIVE license past expiry cannot be suspended as EXPIRED", () => {
    expect(() => nextLicenseState(license("ACTIVE", -1), "suspend", now)).toThrow(/EXPIRED/);
  });

  it("activation starts now and runs for the term when no dates were set", () => {
    const { patch } = nextLicenseState(
      { ...license("PENDING", null), startsAt: null, termMonths: 3 },
      "activate",
      now,
    );
    expect(patch.startsAt).toEqual(now);
    expect(patch.expiresAt).toEqual(new Date("2026-09-15T12:00:00Z"));
  });

  it("records reasons for suspension and cancellation", () => {
    expect(nextLicenseState(license("ACTIVE"), "suspend", now, "unpaid").patch.suspendedReason).toBe(
      "unpaid",
    );
    expect(nextLicenseState(license("ACTIVE"), "cancel", now, "churned").patch.cancelledReason).toBe(
      "churned",
    );
  });
});

describe("effectiveStatus", () => {
  it.each([
    ["ACTIVE", 1, "ACTIVE"],
    ["ACTIVE", 0, "EXPIRED"],
    ["ACTIVE", -5, "EXPIRED"],
    ["SUSPENDED", -5, "SUSPENDED"],
    ["PENDING", -5, "PENDING"],
  ] as const)("%s with %i days left reads %s", (status, days, expected) => {
    expect(effectiveStatus(license(status, days), now)).toBe(expected);
  });
});

describe("auto-renewal grace", () => {
  const autoRenewing = (overdueMs: number, renewalFailedAt: Date | null = null) => ({
    status: "ACTIVE" as const,
    expiresAt: new Date(now.getTime() - overdueMs),
    autoRenew: true,
    renewalFailedAt,
  });
  it.each([
    ["before expiry", -1, null, "ACTIVE"],
    ["at expiry, renewal not tried", 0, null, "ACTIVE"],
    ["a second past expiry, renewal not tried", 1000, null, "ACTIVE"],
    ["just inside the grace", AUTO_RENEW_GRACE_MS - 1, null, "ACTIVE"],
    ["at the end of the grace", AUTO_RENEW_GRACE_MS, null, "EXPIRED"],
    ["past expiry after a refused renewal", 1000, now, "EXPIRED"],
    ["at expiry after a refused renewal", 0, now, "EXPIRED"],
    ["before expiry after a refused renewal", -1000, now, "ACTIVE"],
  ] as const)("%s reads %s", (_case, overdueMs, failedAt, expected) => {
    expect(effectiveStatus(autoRenewing(overdueMs, failedAt), now)).toBe(expected);
  });

  it("gives no grace without auto-renew, nor to other statuses", () => {
    expect(effectiveStatus({ ...autoRenewing(1000), autoRenew: false }, now)).toBe("EXPIRED");
    expect(effectiveStatus({ ...autoRenewing(1000), status: "SUSPENDED" }, now)).toBe("SUSPENDED");
    expect(effectiveStatus({ ...autoRenewing(0), expiresAt: null }, now)).toBe("ACTIVE");
  });

  it("renews ahead of expiry: due before now plus the window", () => {
    expect(AUTO_RENEW_WINDOW_MS).toBe(3_600_000);
    expect(autoRenewDueBefore(now)).toEqual(new Date(now.getTime() + 3_600_000));
  });

  it("a manual renewal clears a refused auto-renewal", () => {
    const refused = { ...license("ACTIVE", -1), autoRenew: true, renewalFailedAt: now };
    expect(nextLicenseState(refused, "renew", now).patch.renewalFailedAt).toBeNull();
    expect(nextLicenseState(license("ACTIVE", -1), "expire", now).patch).not.toHaveProperty(
      "renewalFailedAt",
    );
  });
});

describe("renewal", () => {
  it("extends from the expiry when it is still ahead", () => {
    expect(renewedExpiry({ expiresAt: new Date("2026-07-01T00:00:00Z"), termMonths: 12 }, now)).toEqual(
      new Date("2027-07-01T00:00:00Z"),
    );
  });
  it("extends from now when the license already expired", () => {
    expect(renewedExpiry({ expiresAt: new Date("2026-01-01T00:00:00Z"), termMonths: 1 }, now)).toEqual(
      new Date("2026-07-15T12:00:00Z"),
    );
  });
  it.each([
    ["2026-01-31T00:00:00Z", 1, "2026-02-28T00:00:00Z"],
    ["2028-01-31T00:00:00Z", 1, "2028-02-29T00:00:00Z"],
    ["2026-03-31T00:00:00Z", 12, "2027-03-31T00:00:00Z"],
    ["2026-11-30T00:00:00Z", 3, "2027-02-28T00:00:00Z"],
  ])("addMonths(%s, %i) = %s", (from, months, expected) => {
    expect(addMonths(new Date(from), months)).toEqual(new Date(expected));
  });
});
