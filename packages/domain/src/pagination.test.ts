import { describe, expect, it } from "vitest";
import { PageInput, pageOffset, toPage } from "./pagination.ts";

describe("pagination", () => {
  it("defaults to the first page of 25", () =>
    expect(PageInput.parse({})).toEqual({ page: 1, pageSize: 25 }));
  it.each([{ page: 0 }, { pageSize: 101 }, { page: 1.5 }])("refuses %j", (input) =>
    expect(PageInput.safeParse(input).success).toBe(false),
  );
  it.each([
    [1, 25, 0],
    [3, 10, 20],
  ])("page %i of %i starts at row %i", (page, size, offset) => expect(pageOffset(page, size)).toBe(offset));
  it("counts pages, at least one", () => {
    expect(toPage([], 0, 1, 25).pageCount).toBe(1);
    expect(toPage([], 51, 1, 25).pageCount).toBe(3);
  });
});
