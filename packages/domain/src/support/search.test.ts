import { describe, expect, it } from "vitest";
import { parseTicketSearch, TicketSearchInput } from "./search.ts";

describe("parseTicketSearch", () => {
  it.each([
    ["SUP-000123", 123, ["sup", "000123"]],
    ["sup-123", 123, ["sup", "123"]],
    ["SUP123", 123, ["sup123"]],
    ["#42", 42, ["42"]],
    ["  42 ", 42, ["42"]],
    ["0", 0, ["0"]],
    ["upload fails", null, ["upload", "fails"]],
    ["Upload UPLOAD upload", null, ["upload"]],
    ["SUP-12 upload", null, ["sup", "12", "upload"]],
    ["a:* & !b | (c)", null, ["a", "b", "c"]],
    ["Über-Größe", null, ["über", "größe"]],
    ["'; drop table tickets; --", null, ["drop", "table", "tickets"]],
    ["--- !!!", null, []],
    ["9999999999999999999", null, ["9999999999999999999"]],
  ] as const)("%j → number %s, terms %j", (query, number, terms) => {
    expect(parseTicketSearch(query)).toEqual({ number, terms });
  });

  it("keeps at most eight words", () => {
    expect(parseTicketSearch("a b c d e f g h i j").terms).toEqual(["a", "b", "c", "d", "e", "f", "g", "h"]);
  });
});

describe("TicketSearchInput", () => {
  it("names the field when the query is empty or too long", () => {
    expect(TicketSearchInput.safeParse({ query: "  " }).success).toBe(false);
    expect(TicketSearchInput.safeParse({ query: "x".repeat(201) }).success).toBe(false);
    expect(TicketSearchInput.parse({ query: " upload " })).toEqual({ query: "upload", limit: 20 });
  });
});
