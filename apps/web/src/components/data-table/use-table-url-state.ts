import type { SortingState, Updater } from "@tanstack/react-table";
import { useSearchParams } from "react-router";
import { useUrlFilters } from "../use-url-filters.ts";

export type Direction = "asc" | "desc";

const DIRECTIONS = ["asc", "desc"] as const;

/**
 * A list's filters, sort, direction and page, all in the address (`?tier=GOLD&sort=name&dir=asc&page=2`),
 * so back, reload and a shared link show the same list. Changing a filter or the sort goes back
 * to page 1; values the list does not know fall back to the defaults.
 */
export const useTableUrlState = <F extends Record<string, string>, S extends string>({
  filters: filterDefaults,
  allowed = {},
  sorts,
  sort: defaultSort,
  direction: defaultDirection,
}: {
  filters: F;
  allowed?: Partial<Record<keyof F, readonly string[]>>;
  /** The sort keys the server accepts; each is also the id of the column it sorts. */
  sorts: readonly S[];
  sort: S;
  /** The direction when the address names none: one for all, or each sort's own (newest first, …). */
  direction: Direction | ((sort: S) => Direction);
}) => {
  const [params, setParams] = useSearchParams();
  const directionOf = (sort: S) =>
    typeof defaultDirection === "function" ? defaultDirection(sort) : defaultDirection;
  const named = params.get("sort") as S | null;
  const currentSort = named !== null && sorts.includes(named) ? named : defaultSort;
  const [state, , setState] = useUrlFilters<Record<string, string>>(
    { ...filterDefaults, sort: defaultSort, dir: directionOf(currentSort), page: "1" },
    { ...(allowed as Record<string, readonly string[]>), sort: sorts, dir: DIRECTIONS },
  );
  const { sort, dir, page: pageParam, ...rest } = state;
  const filters = rest as F;
  const direction = dir as Direction;
  const sorting: SortingState = [{ id: sort as string, desc: direction === "desc" }];
  const active = (Object.keys(filterDefaults) as (keyof F & string)[]).filter(
    (name) => filters[name] !== filterDefaults[name],
  );
  return {
    filters,
    /** Filter names not at their default, for the "filtered by" chips. */
    active,
    setFilter: (name: keyof F & string, value: string) => setState({ [name]: value, page: "1" }),
    clearFilters: () => setState({ ...filterDefaults, page: "1" }),
    sort: sort as S,
    direction,
    sorting,
    /** For TanStack Table's `onSortingChange`: the header toggles, the address remembers. */
    onSortingChange: (updater: Updater<SortingState>) => {
      const [next] = typeof updater === "function" ? updater(sorting) : updater;
      if (!next) return;
      const dir = next.desc ? "desc" : "asc";
      // Each sort's own default direction stays out of the address; the page goes back to 1.
      setParams(
        (current) => {
          const updated = new URLSearchParams(current);
          updated.delete("page");
          if (next.id === defaultSort) updated.delete("sort");
          else updated.set("sort", next.id);
          if (dir === directionOf(next.id as S)) updated.delete("dir");
          else updated.set("dir", dir);
          return updated;
        },
        { replace: true },
      );
    },
    page: Math.max(1, Math.trunc(Number(pageParam)) || 1),
    setPage: (page: number) => setState({ page: String(page) }),
  };
};
