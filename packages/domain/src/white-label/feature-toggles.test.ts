import { describe, expect, it } from "vitest";
import { FEATURE_TOGGLE_LIMIT, FeatureToggleKey, SetFeatureToggleInput } from "./feature-toggles.ts";

describe("FeatureToggleKey", () => {
  it.each([
    ["beta", "beta"],
    ["  new-editor.v2_x  ", "new-editor.v2_x"],
    [`a${"b".repeat(63)}`, `a${"b".repeat(63)}`],
    [`a${"b".repeat(64)}`, undefined],
    ["1st", undefined],
    ["Beta", undefined],
    ["has space", undefined],
    ["", undefined],
  ])("%j → %j", (key, parsed) => {
    const result = FeatureToggleKey.safeParse(key);
    expect(result.data).toBe(parsed);
    if (parsed === undefined) expect(result.error?.issues[0]?.message).toMatch(/^must start with a letter/);
  });
});

describe("SetFeatureToggleInput", () => {
  it("needs enabled and caps the description at 200 characters", () => {
    expect(SetFeatureToggleInput.safeParse({ key: "beta", enabled: true }).success).toBe(true);
    expect(SetFeatureToggleInput.safeParse({ key: "beta" }).success).toBe(false);
    expect(
      SetFeatureToggleInput.safeParse({ key: "beta", enabled: false, description: "d".repeat(201) }).success,
    ).toBe(false);
  });

  it("allows 200 flags an organisation", () => {
    expect(FEATURE_TOGGLE_LIMIT).toBe(200);
  });
});
