import { describe, expect, it } from "vitest";
import { z } from "zod";
import { CreateLicenseInput } from "./licenses/inputs.ts";
import { fieldSentence } from "./zod-messages.ts";

/** The first issue's path and message for an input, in the words the API and the SPA show. */
const firstIssue = (schema: z.ZodType, input: unknown) => {
  const result = schema.safeParse(input);
  const issue = result.error?.issues[0];
  return issue ? fieldSentence(issue.path.join(".") || "input", issue.message) : "valid";
};

const ORG = "5f0c7a3e-8a4b-4c1e-9d55-1f0e2b7c9a10";

describe("zod's messages name the field in one sentence", () => {
  it.each([
    [{ organizationId: ORG, tier: "GOLD" }, "tier must be one of STARTER, PROFESSIONAL, ENTERPRISE, CUSTOM"],
    [{ tier: "STARTER" }, "organizationId is required"],
    [{ organizationId: ORG, tier: "STARTER", termMonths: "twelve" }, "termMonths must be a number"],
    // A schema's own message is kept: only the field is put in front.
    [{ organizationId: ORG, tier: "STARTER", termMonths: 0 }, "termMonths must be at least 1 month"],
    [{ organizationId: "nope", tier: "STARTER" }, "organizationId must be a UUID"],
    [{ organizationId: ORG, tier: "STARTER", autoRenew: "yes" }, "autoRenew must be true or false"],
    [[], "input must be an object"],
  ])("%j → %s", (input, sentence) => {
    expect(firstIssue(CreateLicenseInput, input)).toBe(sentence);
  });

  it.each([
    [z.string().min(1), "", "input must not be empty"],
    [z.string().min(3), "ab", "input must be at least 3 characters"],
    [z.string().max(2), "abc", "input must be at most 2 characters"],
    [z.number().max(10), 11, "input must be at most 10"],
    [z.number().gt(0), 0, "input must be more than 0"],
    [z.number().int(), 1.5, "input must be a whole number"],
    [z.number().multipleOf(5), 7, "input must be a multiple of 5"],
    [z.array(z.string()).min(2), ["a"], "input must hold at least 2 items"],
    [z.array(z.string()).max(1), ["a", "b"], "input must hold at most 1 item"],
    [z.literal("yes"), "no", "input must be yes"],
    [z.email(), "x", "input must be an email address"],
    [z.string().regex(/^a/), "b", "input is not in the expected format"],
    [z.string().startsWith("tsk_"), "b", 'input must start with "tsk_"'],
    [z.strictObject({}), { a: 1 }, "input must not have the key a"],
    [z.union([z.string(), z.number()]), true, "input is not one of the accepted forms"],
    [
      z.date().min(new Date("2026-01-01T00:00:00Z")),
      new Date(0),
      "input must not be before 2026-01-01T00:00:00.000Z",
    ],
    [z.date(), new Date(Number.NaN), "input must be a valid date"],
  ])("%#: %s", (schema, input, sentence) => {
    expect(firstIssue(schema, input)).toBe(sentence);
  });
});

describe("fieldSentence", () => {
  it.each([
    ["body", "must be at most 16 KiB", "body must be at most 16 KiB"],
    ["scopes", "choose at least one scope", "scopes: choose at least one scope"],
    ["body", "body is not valid JSON", "body is not valid JSON"],
    ["licenseId", "License not found", "License not found"],
    ["events.3.value", "is required", "events.3.value is required"],
  ])("%s + %s → %s", (field, message, sentence) => {
    expect(fieldSentence(field, message)).toBe(sentence);
  });
});
