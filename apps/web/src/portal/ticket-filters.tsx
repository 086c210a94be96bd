import { CUSTOMER_TICKET_SORTS, TICKET_STATUSES, type TicketStatus } from "@tessera/domain";
import { Button, NativeSelect } from "@tessera/ui";
import { useEffect, useState } from "react";
import { type FilterChip, FilterChips } from "../components/data-table/filter-chips.tsx";
import { useTableUrlState } from "../components/data-table/use-table-url-state.ts";
import { Field } from "../components/field.tsx";
import { STATUS_LABELS, STATUS_OPTIONS } from "../components/ticket-parts.tsx";
import { useDebounced } from "../components/use-debounced.ts";

const DEFAULT_FILTERS = { status: "", q: "" };
const STATUS_CHOICES = [{ value: "", label: "All statuses" }, ...STATUS_OPTIONS];

/**
 * The list's status, search, sort and page, kept in the address (`?status=OPEN&q=invoice&sort=priority`)
 * so a reload or a shared link shows the same list. The search box writes the address once typing pauses.
 */
export const useTicketFilters = () => {
  const table = useTableUrlState({
    filters: DEFAULT_FILTERS,
    allowed: { status: TICKET_STATUSES },
    sorts: CUSTOMER_TICKET_SORTS,
    sort: "createdAt",
    // newest first; most urgent and open first
    direction: (sort) => (sort === "createdAt" ? "desc" : "asc"),
  });
  const { filters, setFilter } = table;
  const [text, setText] = useState(filters.q);
  const typed = useDebounced(text.trim(), 300);
  useEffect(() => {
    // only a settled box writes: right after Clear the debounced value is still the old text
    if (typed === text.trim() && typed !== filters.q) setFilter("q", typed);
  }, [typed, text, filters.q, setFilter]);
  const clear = () => {
    setText("");
    table.clearFilters();
  };
  const clearOne = (name: string) => {
    if (name === "q") setText("");
    setFilter(name as keyof typeof DEFAULT_FILTERS, "");
  };
  const chips: FilterChip[] = [
    ...(filters.status
      ? [{ name: "status", label: `Status: ${STATUS_LABELS[filters.status as TicketStatus]}` }]
      : []),
    ...(filters.q ? [{ name: "q", label: `Search: “${filters.q}”` }] : []),
  ];
  return { table, text, setText, clear, clearOne, chips, active: table.active.length > 0 };
};

type TicketFiltersState = ReturnType<typeof useTicketFilters>;

/** Status choice, search box and a Clear button once either narrows the list; the filters in force as chips. */
export const TicketFilters = ({
  table,
  text,
  setText,
  clear,
  clearOne,
  chips,
  active,
}: TicketFiltersState) => (
  <>
    <search aria-label="Filter tickets" className="mb-4 block">
      <form
        onSubmit={(event) => event.preventDefault()}
        className="grid items-end gap-4 sm:grid-cols-[12rem_1fr_auto]"
      >
        <NativeSelect
          label="Status"
          name="status"
          value={table.filters.status}
          onChange={(status) => table.setFilter("status", status)}
          options={STATUS_CHOICES}
        />
        <Field
          label="Search tickets"
          name="q"
          type="search"
          value={text}
          onChange={setText}
          placeholder="SUP-000123, or words from the subject or thread"
        />
        <div>
          {active && (
            <Button variant="secondary" onClick={clear}>
              Clear filters
            </Button>
          )}
        </div>
      </form>
    </search>
    <FilterChips chips={chips} onClear={clearOne} onClearAll={clear} />
  </>
);
