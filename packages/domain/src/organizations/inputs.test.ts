import { describe, expect, it } from "vitest";
import { Email } from "../auth/inputs.ts";
import { CreateOrganizationInput, Metadata, Slug, StaffUpdateUserInput } from "./inputs.ts";

describe("Slug", () => {
  it.each(["acme", "acme-2", "a1b"])("accepts %s", (slug) => expect(Slug.safeParse(slug).success).toBe(true));
  it.each(["ab", "Acme", "-acme", "acme-", "ac me", "a".repeat(64), "acmé"])("refuses %s", (slug) =>
    expect(Slug.safeParse(slug).success).toBe(false),
  );
});

describe("Email", () => {
  it("trims and lower-cases", () => expect(Email.parse("  Ann@Example.TEST ")).toBe("ann@example.test"));
  it.each(["", "no-at", "a@", `${"a".repeat(250)}@x.test`])("refuses %j", (email) =>
    expect(Email.safeParse(email).success).toBe(false),
  );
});

describe("Metadata", () => {
  it("accepts nested JSON", () => {
    expect(Metadata.parse({ a: [1, "two", null, { b: true }] })).toEqual({
      a: [1, "two", null, { b: true }],
    });
  });
  it.each([
    ['{"__proto__": {"x": 1}}'],
    ['{"a": {"constructor": {"prototype": {}}}}'],
    ['{"a": [{"prototype": 1}]}'],
  ])("refuses prototype keys in %s", (json) =>
    expect(Metadata.safeParse(JSON.parse(json)).success).toBe(false),
  );
  it("refuses more than 16 KiB", () =>
    expect(Metadata.safeParse({ a: "x".repeat(16 * 1024) }).success).toBe(false));
  it("refuses non-objects", () => expect(Metadata.safeParse([1, 2]).success).toBe(false));
});

describe("CreateOrganizationInput", () => {
  it("names the nested field at fault", () => {
    const result = CreateOrganizationInput.safeParse({
      name: "Acme",
      slug: "acme",
      contactName: "Ann",
      contactEmail: "ann@acme.test",
      billingAddress: { line1: "1 Road", city: "Town", country: "gb" },
    });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.path).toEqual(["billingAddress", "country"]);
  });
});

describe("StaffUpdateUserInput", () => {
  it("wants a role or disabled", () => {
    const userId = "00000000-0000-4000-8000-000000000000";
    expect(StaffUpdateUserInput.safeParse({ userId }).success).toBe(false);
    expect(StaffUpdateUserInput.safeParse({ userId, disabled: true }).success).toBe(true);
  });
});
