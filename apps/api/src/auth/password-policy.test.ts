import { describe, expect, it } from "vitest";
import { assertPasswordAcceptable } from "./password-policy.ts";

describe("password policy", () => {
  it.each([
    ["password123", "is one of the most common passwords"],
    ["qwertyuiop12", "is too close to a common password"],
    ["lovelace2026", "contains your name"],
  ])("refuses %s, saying why", async (password, why) => {
    await expect(
      assertPasswordAcceptable(password, { email: "ada.lovelace@example.test", name: "Ada Lovelace" }),
    ).rejects.toMatchObject({
      code: "WEAK_PASSWORD",
      details: { field: "password" },
      message: expect.stringContaining(why),
    });
  });

  it("accepts a phrase of unrelated words", async () => {
    await expect(
      assertPasswordAcceptable("copper kettle orbit lagoon", { email: "ada@example.test" }),
    ).resolves.toBeUndefined();
  });
});
