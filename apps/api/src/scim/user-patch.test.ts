import { describe, expect, it } from "vitest";
import { toUserChange, type WritableUser } from "./user-document.ts";
import { applyUserPatch, type PatchOperation } from "./user-patch.ts";

const barbara: WritableUser = {
  userName: "barbara@a.test",
  externalId: "ext-1",
  name: { givenName: "Barbara", familyName: "Jensen", formatted: "Barbara Jensen" },
  active: true,
  emails: [{ value: "barbara@a.test", type: "work", primary: true }],
};
const patched = (...operations: PatchOperation[]) => toUserChange(applyUserPatch(barbara, operations));

describe("applyUserPatch", () => {
  it.each([
    ["Okta: replace without path", { op: "replace", value: { active: false } }, { active: false }],
    [
      "Entra: Replace with a string boolean",
      { op: "Replace", path: "active", value: "False" },
      { active: false },
    ],
    ["Entra: string True", { op: "Replace", path: "active", value: "True" }, { active: true }],
    ["given name", { op: "replace", path: "name.givenName", value: "Babs" }, { name: "Babs Jensen" }],
    [
      "dotted key without path",
      { op: "Add", value: { "name.familyName": "Smith" } },
      { name: "Barbara Smith" },
    ],
    [
      "work email is the userName",
      { op: "replace", path: 'emails[type eq "work"].value', value: "B@A.test" },
      { email: "b@a.test" },
    ],
    [
      "emails array",
      { op: "replace", path: "emails", value: [{ value: "c@a.test", type: "work" }] },
      { email: "c@a.test" },
    ],
    ["remove externalId", { op: "remove", path: "externalId" }, { externalId: null }],
    [
      "core URN prefix",
      { op: "replace", path: `urn:ietf:params:scim:schemas:core:2.0:User:userName`, value: "d@a.test" },
      { email: "d@a.test" },
    ],
    [
      "attributes not kept are ignored",
      { op: "add", path: "title", value: "CEO" },
      { email: "barbara@a.test", active: true },
    ],
  ] as [string, PatchOperation, object][])("%s", (_name, operation, expected) => {
    expect(patched(operation)).toMatchObject(expected);
  });

  it.each([
    ["a string that is not a boolean", { op: "replace", path: "active", value: "maybe" }, "invalidValue"],
    ["an unknown op", { op: "move", path: "active", value: true }, "invalidValue"],
    ["remove without a path", { op: "remove" }, "noTarget"],
    ["read-only groups", { op: "add", path: "groups", value: [{ value: "admins" }] }, "mutability"],
    ["removing the userName", { op: "remove", path: "userName" }, "invalidValue"],
  ] as [string, PatchOperation, string][])("refuses %s", (_name, operation, scimType) => {
    expect(() => patched(operation)).toThrow(
      expect.objectContaining({ details: expect.objectContaining({ scimType }) }),
    );
  });
});
