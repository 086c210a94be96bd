import { describe, expect, it } from "vitest";
import {
  CursorQuery,
  decodeCursor,
  encodeCursor,
  PageInput,
  pageOffset,
  toCursorPage,
  toPage,
} from "./pagination.ts";

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

describe("cursor pages", () => {
  const id = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, "0")}`;
  const rows = [1, 2, 3].map((n) => ({ id: id(n), at: `2026-01-0${n}T00:00:00.000Z` }));
  const position = (row: { id: string; at: string }) => ({ sortValue: row.at, id: row.id });

  it("names the last row sent when there is more, and nothing on the last page", () => {
    const page = toCursorPage(rows, 2, position);
    expect(page.items).toEqual(rows.slice(0, 2));
    expect(decodeCursor(page.nextCursor ?? "")).toEqual({ sortValue: rows[1]?.at, id: id(2) });
    expect(toCursorPage(rows, 3, position).nextCursor).toBeNull();
  });

  it("round-trips any text, and refuses cursors it did not issue naming the field", () => {
    const cursor = encodeCursor({ sortValue: "Ünïcode/+=", id: id(9) });
    expect(cursor).toMatch(/^[\w-]+$/);
    expect(decodeCursor(cursor)).toEqual({ sortValue: "Ünïcode/+=", id: id(9) });
    for (const bad of ["", "%%%", btoa("[1,2]"), btoa('["x","not-a-uuid"]'), btoa("{")]) {
      expect(() => decodeCursor(bad)).toThrow(
        expect.objectContaining({ code: "VALIDATION_FAILED", details: { field: "cursor" } }),
      );
    }
  });

  it("takes limit and cursor from a query string, 1–100", () => {
    expect(CursorQuery.parse({})).toEqual({ limit: 25 });
    expect(CursorQuery.parse({ limit: "100" }).limit).toBe(100);
    expect(CursorQuery.safeParse({ limit: "101" }).success).toBe(false);
    expect(CursorQuery.safeParse({ limit: "0" }).success).toBe(false);
  });
});
