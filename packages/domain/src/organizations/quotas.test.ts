import { describe, expect, it } from "vitest";
import { DomainError } from "../errors.ts";
import { ORGANIZATION_QUOTAS, QUOTA_DAY_MS, requireWithinQuota } from "./quotas.ts";

const refusal = (run: () => void): DomainError | undefined => {
  try {
    run();
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
  return undefined;
};

describe("requireWithinQuota", () => {
  it.each(Object.entries(ORGANIZATION_QUOTAS) as [keyof typeof ORGANIZATION_QUOTAS, number][])(
    "%s allows %i − 1 and refuses the limit itself",
    (quota, limit) => {
      expect(refusal(() => requireWithinQuota(quota, limit - 1))).toBeUndefined();
      const error = refusal(() => requireWithinQuota(quota, limit));
      expect(error?.code).toBe("QUOTA_EXCEEDED");
      expect(error?.details).toEqual({ quota, limit });
      expect(error?.message).toMatch(new RegExp(`^An organisation may have at most ${limit} \\S`));
    },
  );

  it.each([
    ["OPEN_TICKETS", "An organisation may have at most 500 open tickets; resolve or close some first"],
    [
      "CRITICAL_TICKETS_PER_DAY",
      "An organisation may have at most 20 CRITICAL tickets in 24 hours; open this one with a lower priority",
    ],
    ["API_KEYS", "An organisation may have at most 50 active API keys; revoke unused ones first"],
    ["TEAM_MEMBERS", "An organisation may have at most 1000 team members"],
    ["WEBHOOKS", "An organisation may have at most 10 webhooks"],
    [
      "FEATURE_TOGGLES",
      `An organisation may have at most ${ORGANIZATION_QUOTAS.FEATURE_TOGGLES} feature flags`,
    ],
  ] as const)("%s says what to do: %s", (quota, message) => {
    expect(refusal(() => requireWithinQuota(quota, 10_000))?.message).toBe(message);
  });

  it("names the field a different value of would pass", () => {
    const error = refusal(() => requireWithinQuota("CRITICAL_TICKETS_PER_DAY", 20, "priority"));
    expect(error?.details).toEqual({ field: "priority", quota: "CRITICAL_TICKETS_PER_DAY", limit: 20 });
  });

  it("counts the per-day quota over 24 hours", () => {
    expect(QUOTA_DAY_MS).toBe(86_400_000);
  });
});
