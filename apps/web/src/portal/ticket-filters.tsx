import { TICKET_STATUSES } from "@tessera/domain";
import { useEffect, useState } from "react";
import { useSearchParams } from "react-router";
import { Button } from "../components/button.tsx";
import { Field } from "../components/field.tsx";
import { Select } from "../components/select.tsx";
import { STATUS_OPTIONS } from "../components/ticket-parts.tsx";
import { useDebounced } from "../components/use-debounced.ts";
import { useUrlFilters } from "../components/use-url-filters.ts";

const DEFAULT_FILTERS = { status: "", q: "" };
const STATUS_CHOICES = [{ value: "", label: "All statuses" }, ...STATUS_OPTIONS];

/**
 * The list's status and search, kept in the address (`?status=OPEN&q=invoice`) so a reload
 * or a shared link shows the same list. The search box writes the address once typing pauses.
 */
export const useTicketFilters = (onChange: () => void) => {
  const [filters, setFilter] = useUrlFilters(DEFAULT_FILTERS, { status: TICKET_STATUSES }, onChange);
  const [, setParams] = useSearchParams();
  const [text, setText] = useState(filters.q);
  const typed = useDebounced(text.trim(), 300);
  useEffect(() => {
    // only a settled box writes: right after Clear the debounced value is still the old text
    if (typed === text.trim() && typed !== filters.q) setFilter("q", typed);
  }, [typed, text, filters.q, setFilter]);
  const clear = () => {
    setText("");
    onChange();
    setParams({}, { replace: true });
  };
  const active = filters.status !== "" || filters.q !== "";
  return { filters, setFilter, text, setText, clear, active };
};

/** Status choice, search box and a Clear button once either narrows the list. */
export const TicketFilters = ({
  filters,
  setFilter,
  text,
  setText,
  clear,
  active,
}: ReturnType<typeof useTicketFilters>) => (
  <search aria-label="Filter tickets" className="mb-4 block">
    <form
      onSubmit={(event) => event.preventDefault()}
      className="grid items-end gap-4 sm:grid-cols-[12rem_1fr_auto]"
    >
      <Select
        label="Status"
        name="status"
        value={filters.status}
        onChange={(status) => setFilter("status", status)}
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
);
