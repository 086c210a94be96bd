import { useSearchParams } from "react-router";

/**
 * List filters kept in the address, so a dashboard figure can link straight to the list it
 * counts and a filtered list can be bookmarked or shared. A filter at its default stays out
 * of the URL; values outside `allowed` (when given) fall back to the default.
 * `setFilters` changes several in one navigation (two `setFilter` calls in one event would
 * each start from the same address, and the second would undo the first).
 */
export const useUrlFilters = <F extends Record<string, string>>(
  defaults: F,
  allowed: Partial<Record<keyof F, readonly string[]>> = {},
  /** Called after any change, e.g. to go back to the first page. */
  onChange?: () => void,
) => {
  const [params, setParams] = useSearchParams();
  const filters = Object.fromEntries(
    Object.entries(defaults).map(([name, fallback]) => {
      const value = params.get(name);
      const valid = value !== null && (allowed[name]?.includes(value) ?? true);
      return [name, valid ? value : fallback];
    }),
  ) as F;
  const setFilters = (changes: Partial<F>) => {
    onChange?.();
    setParams(
      (current) => {
        const next = new URLSearchParams(current);
        for (const [name, value] of Object.entries(changes)) {
          if (value === undefined || value === defaults[name]) next.delete(name);
          else next.set(name, value);
        }
        return next;
      },
      { replace: true },
    );
  };
  const setFilter = (name: keyof F & string, value: string) => setFilters({ [name]: value } as Partial<F>);
  return [filters, setFilter, setFilters] as const;
};
