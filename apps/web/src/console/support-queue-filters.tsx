import { TICKET_PRIORITIES, TICKET_SLA_FILTERS, TICKET_STATUSES, TICKET_VIEWS } from "@tessera/domain";
import { Button } from "../components/button.tsx";
import { formatDate } from "../components/format-date.ts";
import { Select } from "../components/select.tsx";
import { PRIORITY_OPTIONS, STATUS_OPTIONS } from "../components/ticket-parts.tsx";

/** `status` is a status, "" for any, or "OPEN_ONLY" for everything not yet resolved. */
export const DEFAULT_FILTERS = {
  /** A standing view ("" for none: the filters alone, as a link from elsewhere sets them). */
  view: "",
  status: "OPEN_ONLY",
  priority: "",
  assigneeId: "",
  sla: "",
  sort: "dueAt",
  organizationId: "",
  createdFrom: "",
};

export const ALLOWED_FILTERS = {
  view: ["", ...TICKET_VIEWS],
  status: ["OPEN_ONLY", "", ...TICKET_STATUSES],
  priority: ["", ...TICKET_PRIORITIES],
  sla: ["", ...TICKET_SLA_FILTERS],
  sort: ["dueAt", "priority", "createdAt"],
};

export type QueueFilters = typeof DEFAULT_FILTERS;
type SetFilter = (field: keyof QueueFilters) => (value: string) => void;

/** The queue's filters and sort, kept in the address so a filtered queue can be bookmarked. */
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
    className="mb-4 grid gap-4 sm:grid-cols-2 lg:grid-cols-5"
  >
    <Select
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
    <Select
      label="Priority"
      name="priority"
      value={filters.priority}
      onChange={set("priority")}
      options={[{ value: "", label: "Any priority" }, ...PRIORITY_OPTIONS]}
    />
    <Select
      label="Assignee"
      name="assigneeId"
      value={filters.assigneeId}
      onChange={set("assigneeId")}
      options={[
        { value: "", label: "Anyone" },
        ...(staff ?? []).map((user) => ({ value: user.id, label: user.name })),
      ]}
    />
    <Select
      label="SLA"
      name="sla"
      value={filters.sla}
      onChange={set("sla")}
      options={[
        { value: "", label: "Any" },
        { value: "BREACHED", label: "Breached" },
        { value: "AT_RISK", label: "At risk" },
        { value: "BREACHED_EVER", label: "Breached at any time" },
      ]}
    />
    <Select
      label="Sort by"
      name="sort"
      value={filters.sort}
      onChange={set("sort")}
      options={[
        { value: "dueAt", label: "Due time" },
        { value: "priority", label: "Priority" },
        { value: "createdAt", label: "Newest" },
      ]}
    />
  </form>
);

/** Filters that arrive only through a link (a date, one organisation), each with a way out. */
export const LinkedFilterNotes = ({
  filters,
  createdFrom,
  organizationName,
  set,
}: {
  filters: QueueFilters;
  createdFrom: Date | null;
  organizationName: string | undefined;
  set: SetFilter;
}) => (
  <>
    {createdFrom && (
      <p className="mb-4 flex flex-wrap items-center gap-3 text-sm text-slate-700 dark:text-slate-300">
        Showing tickets opened since {formatDate(createdFrom)}.
        <Button variant="secondary" onClick={() => set("createdFrom")("")}>
          Any time
        </Button>
      </p>
    )}
    {filters.organizationId && (
      <p className="mb-4 flex flex-wrap items-center gap-3 text-sm text-slate-700 dark:text-slate-300">
        Showing one organisation's tickets
        {organizationName ? ` (${organizationName})` : ""}.
        <Button variant="secondary" onClick={() => set("organizationId")("")}>
          Show every organisation
        </Button>
      </p>
    )}
  </>
);
