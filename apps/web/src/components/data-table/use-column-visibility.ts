import type { ColumnVisibilityState, Updater } from "@tanstack/react-table";
import { useState } from "react";

const storageKey = (table: string) => `tessera.columns.${table}`;

const read = (table: string): ColumnVisibilityState => {
  try {
    const stored = JSON.parse(localStorage.getItem(storageKey(table)) ?? "{}");
    return typeof stored === "object" && stored !== null ? stored : {};
  } catch {
    return {};
  }
};

/**
 * Which columns are hidden: a preference of this browser (not part of the address, since a
 * shared link should show the sender's list, not their screen layout).
 */
export const useColumnVisibility = (table: string) => {
  const [visibility, setVisibility] = useState(() => read(table));
  const onChange = (updater: Updater<ColumnVisibilityState>) =>
    setVisibility((current) => {
      const next = typeof updater === "function" ? updater(current) : updater;
      localStorage.setItem(storageKey(table), JSON.stringify(next));
      return next;
    });
  return [visibility, onChange] as const;
};
