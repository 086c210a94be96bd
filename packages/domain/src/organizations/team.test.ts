import { describe, expect, it } from "vitest";
import { DomainError } from "../errors.ts";
import { assertKeepsAnOwner, type TeamMemberState } from "./team.ts";

const owner = (id: string, disabled = false): TeamMemberState => ({ id, role: "OWNER", disabled });
const admin = (id: string): TeamMemberState => ({ id, role: "ADMIN", disabled: false });

describe("assertKeepsAnOwner", () => {
  it.each([
    ["demote the only owner", [owner("a"), admin("b")], { userId: "a", role: "ADMIN" as const }, "role"],
    ["disable the only owner", [owner("a"), admin("b")], { userId: "a", disabled: true }, "disabled"],
    [
      "demote the only enabled owner",
      [owner("a"), owner("b", true)],
      { userId: "a", role: "MEMBER" as const },
      "role",
    ],
  ])("refuses to %s", (_name, members, change, field) => {
    expect(() => assertKeepsAnOwner(members, change)).toThrow(DomainError);
    try {
      assertKeepsAnOwner(members, change);
    } catch (error) {
      expect((error as DomainError).code).toBe("LAST_OWNER");
      expect((error as DomainError).details.field).toBe(field);
    }
  });

  it.each([
    ["demote one of two owners", [owner("a"), owner("b")], { userId: "a", role: "ADMIN" as const }],
    ["change an admin", [owner("a"), admin("b")], { userId: "b", role: "MEMBER" as const }],
    ["keep an owner an owner", [owner("a")], { userId: "a", role: "OWNER" as const }],
    ["enable a disabled owner", [owner("a", true)], { userId: "a", disabled: false }],
    [
      "re-enable while another owner is enabled",
      [owner("a"), owner("b", true)],
      { userId: "b", disabled: false },
    ],
  ])("allows to %s", (_name, members, change) => {
    expect(() => assertKeepsAnOwner(members, change)).not.toThrow();
  });
});
