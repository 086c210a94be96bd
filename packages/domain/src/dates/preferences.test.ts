import { describe, expect, it } from "vitest";
import { datePatterns, defaultDateFormat } from "./formats.ts";
import { canonicalTimeZone, DatePreferencesInput } from "./preferences.ts";

const issue = (input: unknown) => {
  const result = DatePreferencesInput.safeParse(input);
  return result.success
    ? null
    : { path: result.error.issues[0]?.path.join("."), message: result.error.issues[0]?.message };
};

describe("time zones", () => {
  it("know IANA names, spelled canonically, and refuse offsets and unknown names", () => {
    expect(canonicalTimeZone("Europe/Berlin")).toBe("Europe/Berlin");
    expect(canonicalTimeZone("america/new_york")).toBe("America/New_York");
    expect(canonicalTimeZone("UTC")).toBe("UTC");
    expect(canonicalTimeZone("Mars/Olympus_Mons")).toBeNull();
    expect(canonicalTimeZone("+01:00")).toBeNull();
    expect(canonicalTimeZone("")).toBeNull();
  });
});

describe("date preferences input", () => {
  it("takes a zone and a format, or null for the browser's", () => {
    expect(DatePreferencesInput.parse({ timeZone: "asia/tokyo", dateFormat: "yyyy-MM-dd" })).toEqual({
      timeZone: "Asia/Tokyo",
      dateFormat: "yyyy-MM-dd",
    });
    expect(DatePreferencesInput.parse({ timeZone: null, dateFormat: null })).toEqual({
      timeZone: null,
      dateFormat: null,
    });
  });

  it("refuses an unknown zone or format, naming the field", () => {
    expect(issue({ timeZone: "Europe/Atlantis", dateFormat: null })).toEqual({
      path: "timeZone",
      message: "must be a known IANA time zone, e.g. Europe/Berlin",
    });
    expect(issue({ timeZone: null, dateFormat: "yyyy.MM.dd" })?.path).toBe("dateFormat");
  });
});

describe("default date format", () => {
  it("follows the order the locale writes a date in", () => {
    expect(defaultDateFormat("en-US")).toBe("MMM d, yyyy");
    expect(defaultDateFormat("en-GB")).toBe("d MMM yyyy");
    expect(defaultDateFormat("de-DE")).toBe("d MMM yyyy");
    expect(defaultDateFormat("sv-SE")).toBe("yyyy-MM-dd");
    expect(defaultDateFormat("ja-JP")).toBe("yyyy-MM-dd");
  });
});

describe("date patterns", () => {
  it("give months and times in the format's own manner", () => {
    expect(datePatterns("yyyy-MM-dd")).toEqual({ day: "yyyy-MM-dd", month: "yyyy-MM", time: "HH:mm" });
    expect(datePatterns("dd/MM/yyyy")).toEqual({ day: "dd/MM/yyyy", month: "MMMM yyyy", time: "HH:mm" });
    expect(datePatterns("MM/dd/yyyy").time).toBe("h:mm a");
    expect(datePatterns("MMM d, yyyy").time).toBe("h:mm a");
  });
});
