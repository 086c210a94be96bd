import type { Direction } from "./use-table-url-state.ts";

export type SortValue = string | number | Date | null | undefined;

const compare = (a: SortValue, b: SortValue) => {
  if (a instanceof Date || b instanceof Date) return new Date(a ?? 0).getTime() - new Date(b ?? 0).getTime();
  if (typeof a === "number" && typeof b === "number") return a - b;
  return String(a).localeCompare(String(b), undefined, { numeric: true, sensitivity: "base" });
};

/**
 * The order of a short list the API returns whole (keys, tokens, sessions, toggles), sorted in
 * the page by the sort the address names; empty values (never used, no expiry) last either way.
 */
export const sortRows = <Row, S extends string>(
  rows: readonly Row[],
  sort: S,
  direction: Direction,
  values: Record<S, (row: Row) => SortValue>,
) => {
  const value = values[sort];
  const sign = direction === "asc" ? 1 : -1;
  return [...rows].sort((a, b) => {
    const [x, y] = [value(a), value(b)];
    if (x === null || x === undefined || y === null || y === undefined)
      return Number(x === null || x === undefined) - Number(y === null || y === undefined);
    return sign * compare(x, y);
  });
};
