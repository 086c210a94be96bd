import { describe, expect, it } from "vitest";
import { ROLE_LABELS } from "../auth/labels.ts";
import { MAIL_STATUS_LABELS } from "../mail/inputs.ts";
import { MAIL_CATEGORY_LABELS } from "../mail/policy.ts";
import { LIMIT_STATUS_LABELS } from "../usage/labels.ts";
import { DOMAIN_STATUS_LABELS } from "../white-label/domains.ts";
import { SSO_TEST_STATUS_LABELS } from "../white-label/sso-test.ts";
import { LICENSE_STATUS_LABELS, METRIC_LABELS, TIER_LABELS } from "./labels.ts";

describe("label maps", () => {
  it.each([
    ["tiers", TIER_LABELS],
    ["license statuses", LICENSE_STATUS_LABELS],
    ["metrics", METRIC_LABELS],
    ["limit statuses", LIMIT_STATUS_LABELS],
    ["roles", ROLE_LABELS],
    ["domain statuses", DOMAIN_STATUS_LABELS],
    ["mail statuses", MAIL_STATUS_LABELS],
    ["mail categories", MAIL_CATEGORY_LABELS],
    ["SSO connection test statuses", SSO_TEST_STATUS_LABELS],
  ])("%s read as words, not codes", (_, labels) => {
    for (const [code, label] of Object.entries(labels)) {
      expect(label).not.toBe(code);
      // A capital, then words: never the all-capitals code.
      expect(label).toMatch(/^[A-Z]/);
      expect(label).not.toMatch(/^[A-Z_]+$/);
    }
  });

  it("says a tier and a status as people do", () => {
    expect(TIER_LABELS.PROFESSIONAL).toBe("Professional");
    expect(LICENSE_STATUS_LABELS.SUSPENDED).toBe("Suspended");
    expect(DOMAIN_STATUS_LABELS.PENDING).toBe("Pending verification");
    expect(SSO_TEST_STATUS_LABELS.SUCCEEDED).toBe("Succeeded");
  });
});
