import { z } from "zod";
import { DomainError } from "./errors.ts";

/** Every long list is paged on the server: page numbers from 1, at most 100 rows a page. */
export const PageInput = z.object({
  page: z.number().int().min(1).max(100_000).default(1),
  pageSize: z.number().int().min(1).max(100).default(25),
});
export type PageInput = z.input<typeof PageInput>;

export interface Page<T> {
  items: T[];
  page: number;
  pageSize: number;
  total: number;
  pageCount: number;
}

export const pageOffset = (page: number, pageSize: number): number => (page - 1) * pageSize;

export const toPage = <T>(items: T[], total: number, page: number, pageSize: number): Page<T> => ({
  items,
  page,
  pageSize,
  total,
  pageCount: Math.max(1, Math.ceil(total / pageSize)),
});

/**
 * Cursor pages for the REST API (Stripe's `limit` / `cursor` / `nextCursor`). A cursor is the
 * position of the last row sent — its sort value and id — so a page never skips or repeats a
 * row when rows are added meanwhile, as offsets would.
 */
export const CursorQuery = z.object({
  limit: z.coerce.number().int().min(1).max(100).default(25).describe("rows per page, 1–100"),
  cursor: z.string().max(512).optional().describe("nextCursor of the previous page; omit for the first page"),
});
export type CursorQuery = z.output<typeof CursorQuery>;

export interface CursorPage<T> {
  items: T[];
  /** Pass as `cursor` for the next page; null on the last page. */
  nextCursor: string | null;
}

/** Where a page ended: the last row's sort value (as text) and id. */
export interface CursorPosition {
  sortValue: string;
  id: string;
}

const toBase64Url = (text: string) =>
  btoa(String.fromCharCode(...new TextEncoder().encode(text)))
    .replaceAll("+", "-")
    .replaceAll("/", "_")
    .replace(/=+$/, "");

export const encodeCursor = (position: CursorPosition): string =>
  toBase64Url(JSON.stringify([position.sortValue, position.id]));

/** The position a cursor names; a cursor we did not issue is a 400 naming `cursor`. */
export const decodeCursor = (cursor: string): CursorPosition => {
  try {
    const binary = atob(cursor.replaceAll("-", "+").replaceAll("_", "/"));
    const text = new TextDecoder().decode(Uint8Array.from(binary, (char) => char.charCodeAt(0)));
    const [sortValue, id] = JSON.parse(text) as unknown[];
    if (typeof sortValue === "string" && typeof id === "string" && UUID.test(id)) return { sortValue, id };
  } catch {
    // fall through to the refusal
  }
  throw new DomainError("VALIDATION_FAILED", "cursor is not one this API issued", { field: "cursor" });
};

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The page from `limit + 1` rows fetched in order: the extra row only says there is more.
 * `position` reads a row's place for the next cursor.
 */
export const toCursorPage = <T>(
  rows: T[],
  limit: number,
  position: (row: T) => CursorPosition,
): CursorPage<T> => {
  const items = rows.slice(0, limit);
  const last = items.at(-1);
  return { items, nextCursor: rows.length > limit && last ? encodeCursor(position(last)) : null };
};
