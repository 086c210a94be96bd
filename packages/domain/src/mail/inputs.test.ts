import { describe, expect, it } from "vitest";
import { SentMailFilter, SetNotificationPreferenceInput } from "./inputs.ts";

const issue = (result: {
  success: boolean;
  error?: { issues: { path: PropertyKey[]; message: string }[] };
}) =>
  result.success
    ? null
    : { path: result.error?.issues[0]?.path.join("."), message: result.error?.issues[0]?.message };

describe("notification preferences input", () => {
  it("takes a category that may be switched off", () => {
    expect(SetNotificationPreferenceInput.parse({ category: "SUPPORT", email: false })).toEqual({
      category: "SUPPORT",
      email: false,
    });
  });

  it("refuses switching security mail, naming the field", () => {
    expect(issue(SetNotificationPreferenceInput.safeParse({ category: "SECURITY", email: false }))).toEqual({
      path: "category",
      message: "security emails cannot be switched off",
    });
  });
});

describe("sent mail filter", () => {
  it("takes a status and part of an address, and refuses an unknown status or an overlong address", () => {
    expect(SentMailFilter.parse({ status: "DEAD", recipient: "owner@" })).toMatchObject({
      status: "DEAD",
      recipient: "owner@",
    });
    expect(issue(SentMailFilter.safeParse({ status: "LOST" }))?.path).toBe("status");
    expect(issue(SentMailFilter.safeParse({ recipient: "x".repeat(255) }))?.path).toBe("recipient");
    expect(SentMailFilter.safeParse({ recipient: "x".repeat(254) }).success).toBe(true);
  });
});
