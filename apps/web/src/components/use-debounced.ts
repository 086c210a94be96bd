import { useEffect, useState } from "react";

/** The value as it was `ms` milliseconds after it last changed: for search-as-you-type. */
export const useDebounced = <T>(value: T, ms = 300): T => {
  const [debounced, setDebounced] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setDebounced(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return debounced;
};
