import { useSearchParams } from "react-router";

/**
 * List filters kept in the address, so a dashboard figure can link straight to the list it
 * counts and a filtered list can be bookmarked or shared. A filter at its default stays out
 * of the URL; values outside `allowed` (when given) fall back to the default.
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
  const setFilter = (name: keyof F & string, value: string) => {
    onChange?.();
    setParams(
      (current) => {
        const next = new URLSearchParams(current);
        if (value === defaults[name]) next.delete(name);
        else next.set(name, value);
        return next;
      },
      { replace: true },
    );
  };
  return [filters, setFilter] as const;
};
