import { describe, expect, it } from "vitest";
import { AuditFilter } from "./inputs.ts";

describe("AuditFilter", () => {
  it.each([
    [{}, []],
    [{ from: "2026-01-01" }, []],
    [{ to: "2026-01-01" }, []],
    [{ from: "2026-01-01", to: "2026-01-01" }, []],
    [{ from: "2026-01-02", to: "2026-01-01" }, ["to: must not be before from"]],
  ])("%j gives %j", (input, expected) => {
    const issues = AuditFilter.safeParse(input).error?.issues ?? [];
    expect(issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`)).toEqual(expected);
  });
});
