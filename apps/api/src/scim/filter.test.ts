import { describe, expect, it } from "vitest";
import { parseScimFilter } from "./filter.ts";

describe("parseScimFilter", () => {
  it.each([
    ['userName eq "a@b.test"', { attribute: "userName", value: "a@b.test" }],
    ['USERNAME eq "a@b.test"', { attribute: "userName", value: "a@b.test" }],
    ['urn:ietf:params:scim:schemas:core:2.0:User:userName eq "x"', { attribute: "userName", value: "x" }],
    ['externalId eq "00u1"', { attribute: "externalId", value: "00u1" }],
    ['emails[type eq "work"].value eq "a@b.test"', { attribute: "userName", value: "a@b.test" }],
    ['emails[type eq "work" and value eq "a@b.test"]', { attribute: "userName", value: "a@b.test" }],
  ])("user filter %s", (text, lookup) => {
    expect(parseScimFilter(text, "User")).toEqual(lookup);
  });

  it.each([
    'title co "x"',
    'userName sw "a"',
    'userName ne "a"',
    'userName eq "a" or userName eq "b"',
    'emails[type eq "home"].value eq "a@b.test"',
    "userName eq 1",
    "userName eq",
    'displayName eq "Admins"',
  ])("refuses %s as invalidFilter", (text) => {
    expect(() => parseScimFilter(text, "User")).toThrow(
      expect.objectContaining({ details: expect.objectContaining({ scimType: "invalidFilter" }) }),
    );
  });

  it("finds groups by displayName", () => {
    expect(parseScimFilter('displayName eq "Admins"', "Group")).toEqual({
      attribute: "displayName",
      value: "Admins",
    });
  });
});
