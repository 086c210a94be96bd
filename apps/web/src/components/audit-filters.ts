import type { SortingState } from "@tanstack/react-table";
import { AUDIT_SORTS, AUDIT_TARGET_LABELS } from "@tessera/domain";
import { useEffect, useRef, useState } from "react";
import type { FilterChip } from "./data-table/filter-chips.tsx";
import { useTableUrlState } from "./data-table/use-table-url-state.ts";
import { useDebounced } from "./use-debounced.ts";

export type AuditFilters = {
  action: string;
  targetType: string;
  from: string;
  to: string;
  organizationId: string;
};

const FILTERS: AuditFilters = { action: "", targetType: "", from: "", to: "", organizationId: "" };
const CAPTIONS: Record<string, [string, string]> = {
  createdAt: ["oldest first", "newest first"],
  action: ["by code, A first", "by code, Z first"],
};

/** The table's caption says the order, so a screen reader hears it as the list is read. */
export const auditCaption = ([sort]: SortingState) =>
  `Audit events, ${CAPTIONS[sort?.id ?? "createdAt"]?.[sort?.desc ? 1 : 0] ?? ""}`;

/**
 * Filters, sort and page from the address (newest first until asked otherwise). The action
 * typed into its field reaches the address 300 ms after the last key; only a change of what
 * was typed is sent on, so a chip cleared meanwhile is not put back by a value typed before it.
 */
export const useAuditFilters = () => {
  const table = useTableUrlState({
    filters: FILTERS,
    allowed: { targetType: Object.keys(AUDIT_TARGET_LABELS) },
    sorts: AUDIT_SORTS,
    sort: "createdAt",
    direction: (sort) => (sort === "createdAt" ? "desc" : "asc"),
  });
  const { filters, setFilter, clearFilters } = table;
  const [action, setAction] = useState(filters.action);
  const typed = useDebounced(action.trim(), 300);
  const sent = useRef(typed);
  useEffect(() => {
    if (typed === sent.current) return;
    sent.current = typed;
    setFilter("action", typed);
  }, [typed, setFilter]);
  return {
    table,
    filters,
    action,
    setAction,
    clear: (name: string) => {
      if (name === "action") setAction("");
      setFilter(name as keyof AuditFilters, "");
    },
    clearAll: () => {
      setAction("");
      clearFilters();
    },
  };
};

/** The "filtered by" chips: each filter in force in words (a target type's label, a day as the viewer reads days). */
export const auditChips = (
  filters: AuditFilters,
  named: {
    from: Date | null | undefined;
    to: Date | null | undefined;
    organizationName: string | null | undefined;
    day: (value: Date) => string;
  },
): FilterChip[] => [
  ...(filters.organizationId
    ? [{ name: "organizationId", label: `Organisation: ${named.organizationName ?? "one organisation"}` }]
    : []),
  ...(filters.action ? [{ name: "action", label: `Action: ${filters.action}` }] : []),
  ...(filters.targetType
    ? [
        {
          name: "targetType",
          label: `Target type: ${AUDIT_TARGET_LABELS[filters.targetType as keyof typeof AUDIT_TARGET_LABELS] ?? filters.targetType}`,
        },
      ]
    : []),
  ...(named.from ? [{ name: "from", label: `From ${named.day(named.from)}` }] : []),
  ...(named.to ? [{ name: "to", label: `To ${named.day(named.to)}` }] : []),
];
