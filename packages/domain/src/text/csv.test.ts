import { describe, expect, it } from "vitest";
import { csvText } from "./csv.ts";

describe("csvText", () => {
  it("ends every record with CRLF and leaves plain fields and numbers as they are", () => {
    expect(
      csvText([
        ["Date (UTC)", "API calls"],
        ["2026-06-01", 1234567],
      ]),
    ).toBe("Date (UTC),API calls\r\n2026-06-01,1234567\r\n");
  });

  it.each([
    ["a,b", '"a,b"'],
    ['say "hi"', '"say ""hi"""'],
    ["two\nlines", '"two\nlines"'],
    ["cr\rhere", '"cr\rhere"'],
    ["", ""],
    [" padded ", " padded "],
  ])("escapes %j as %j", (value, expected) => {
    expect(csvText([[value, "x"]])).toBe(`${expected},x\r\n`);
  });

  it("writes no data as an empty field", () => {
    expect(csvText([["2026-06-01", null, 0]])).toBe("2026-06-01,,0\r\n");
  });

  it("writes nothing for no rows", () => {
    expect(csvText([])).toBe("");
  });
});
