import {
  TICKET_PRIORITIES,
  TICKET_SLA_FILTERS,
  TICKET_STATUSES,
  TICKET_VIEWS,
  type TicketPriority,
  type TicketStatus,
} from "@tessera/domain";
import { NativeSelect } from "@tessera/ui";
import type { FilterChip } from "../components/data-table/filter-chips.tsx";
import type { DateFormatter } from "../components/dates/date-format.ts";
import {
  PRIORITY_LABELS,
  PRIORITY_OPTIONS,
  STATUS_LABELS,
  STATUS_OPTIONS,
} from "../components/ticket-parts.tsx";

/** `status` is a status, "" for any, or "OPEN_ONLY" for everything not yet resolved. */
export const DEFAULT_FILTERS = {
  /** A standing view ("" for none: the filters alone, as a link from elsewhere sets them). */
  view: "",
  status: "OPEN_ONLY",
  priority: "",
  assigneeId: "",
  sla: "",
  organizationId: "",
  createdFrom: "",
};

export const ALLOWED_FILTERS = {
  view: ["", ...TICKET_VIEWS],
  status: ["OPEN_ONLY", "", ...TICKET_STATUSES],
  priority: ["", ...TICKET_PRIORITIES],
  sla: ["", ...TICKET_SLA_FILTERS],
};

export type QueueFilters = typeof DEFAULT_FILTERS;

const SLA_LABELS: Record<string, string> = {
  BREACHED: "Breached",
  AT_RISK: "At risk",
  BREACHED_EVER: "Breached at any time",
};
type SetFilter = (field: keyof QueueFilters) => (value: string) => void;

/** The queue's filters, kept in the address so a filtered queue can be bookmarked (the column headers sort). */
export const QueueFilterForm = ({
  filters,
  set,
  staff,
}: {
  filters: QueueFilters;
  set: SetFilter;
  staff: { id: string; name: string }[] | undefined;
}) => (
  <form
    aria-label="Filter tickets"
    onSubmit={(event) => event.preventDefault()}
    className="mb-4 grid gap-4 sm:grid-cols-2 lg:grid-cols-4"
  >
    <NativeSelect
      label="Status"
      name="status"
      value={filters.status}
      onChange={set("status")}
      options={[
        { value: "OPEN_ONLY", label: "Not resolved" },
        { value: "", label: "Any status" },
        ...STATUS_OPTIONS,
      ]}
    />
    <NativeSelect
      label="Priority"
      name="priority"
      value={filters.priority}
      onChange={set("priority")}
      options={[{ value: "", label: "Any priority" }, ...PRIORITY_OPTIONS]}
    />
    <NativeSelect
      label="Assignee"
      name="assigneeId"
      value={filters.assigneeId}
      onChange={set("assigneeId")}
      options={[
        { value: "", label: "Anyone" },
        ...(staff ?? []).map((user) => ({ value: user.id, label: user.name })),
      ]}
    />
    <NativeSelect
      label="SLA"
      name="sla"
      value={filters.sla}
      onChange={set("sla")}
      options={[
        { value: "", label: "Any" },
        ...Object.entries(SLA_LABELS).map(([value, label]) => ({ value, label })),
      ]}
    />
  </form>
);

/** The filters in force as chips (the standing view is shown by the views above, not here). */
export const queueFilterChips = ({
  filters,
  createdFrom,
  organizationName,
  staff,
  dates,
}: {
  dates: DateFormatter;
  filters: QueueFilters;
  createdFrom: Date | null;
  organizationName: string | undefined;
  staff: { id: string; name: string }[] | undefined;
}): FilterChip[] => {
  const chips: FilterChip[] = [];
  if (filters.status !== DEFAULT_FILTERS.status)
    chips.push({
      name: "status",
      label: filters.status
        ? `Status: ${STATUS_LABELS[filters.status as TicketStatus] ?? filters.status}`
        : "Any status",
    });
  if (filters.priority)
    chips.push({
      name: "priority",
      label: `Priority: ${PRIORITY_LABELS[filters.priority as TicketPriority] ?? filters.priority}`,
    });
  if (filters.assigneeId) {
    const name = staff?.find((user) => user.id === filters.assigneeId)?.name ?? "one person";
    chips.push({ name: "assigneeId", label: `Assignee: ${name}` });
  }
  if (filters.sla) chips.push({ name: "sla", label: `SLA: ${SLA_LABELS[filters.sla] ?? filters.sla}` });
  if (createdFrom) chips.push({ name: "createdFrom", label: `Opened since ${dates.instant(createdFrom)}` });
  if (filters.organizationId)
    chips.push({ name: "organizationId", label: `Organisation: ${organizationName ?? "one organisation"}` });
  return chips;
};
