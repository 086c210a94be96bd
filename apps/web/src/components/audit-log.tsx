import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { AUDIT_TARGET_LABELS } from "@tessera/domain";
import { NativeSelect } from "@tessera/ui";
import { trpc } from "../trpc.ts";
import { type AuditFilters, auditCaption, auditChips, useAuditFilters } from "./audit-filters.ts";
import { AuditTable } from "./audit-table.tsx";
import { FilterChips } from "./data-table/filter-chips.tsx";
import { useDateFormat } from "./dates/use-date-format.ts";
import { Field } from "./field.tsx";
import { Pagination } from "./pagination.tsx";
import { QueryState } from "./query-state.tsx";

const PAGE_SIZE = 25;
const TARGET_TYPES = [
  { value: "", label: "Any" },
  ...Object.entries(AUDIT_TARGET_LABELS)
    .map(([value, label]) => ({ value, label }))
    .sort((a, b) => a.label.localeCompare(b.label)),
];

/** The filter fields; the action as typed (it reaches the address a moment later), the rest as the address has them. */
const AuditFilterFields = ({
  filters,
  action,
  setAction,
  setFilter,
  timeZone,
}: {
  filters: AuditFilters;
  action: string;
  setAction: (value: string) => void;
  setFilter: (name: keyof AuditFilters, value: string) => void;
  timeZone: string;
}) => (
  <fieldset className="mb-4 grid items-end gap-4 sm:grid-cols-2 lg:grid-cols-4">
    <legend className="sr-only">Filter audit events</legend>
    <Field
      label="Action"
      name="auditAction"
      value={action}
      placeholder="e.g. user.role_changed"
      onChange={setAction}
    />
    <NativeSelect
      label="Target type"
      name="auditTargetType"
      value={filters.targetType}
      options={TARGET_TYPES}
      onChange={(value) => setFilter("targetType", value)}
    />
    <Field
      label="From"
      name="auditFrom"
      type="date"
      value={filters.from}
      onChange={(value) => setFilter("from", value)}
      hint={`Days in ${timeZone} time`}
    />
    <Field
      label="To"
      name="auditTo"
      type="date"
      value={filters.to}
      onChange={(value) => setFilter("to", value)}
    />
  </fieldset>
);

/**
 * A paged, filterable audit log: all of it for staff (optionally one organisation's or one
 * target's), the organisation's own for customer admins. Filters, sort and page live in the
 * address, each filter in force shown as a chip that clears it.
 */
export const AuditLog = ({
  scope,
  organizationId,
  targetId,
}: {
  scope: "staff" | "own";
  /** A fixed organisation (its page's tab); else staff may narrow by `?organizationId=`. */
  organizationId?: string;
  targetId?: string;
}) => {
  const utils = trpc.useUtils();
  const dates = useDateFormat();
  const { table, filters, action, setAction, clear, clearAll } = useAuditFilters();
  // A customer's log is their own whatever the address says; a fixed organisation wins over it.
  const linkedOrganization = scope === "staff" && !organizationId ? filters.organizationId : "";
  const from = dates.dayBound(filters.from, false);
  const to = dates.dayBound(filters.to, true);
  const input = {
    page: table.page,
    pageSize: PAGE_SIZE,
    sort: table.sort,
    direction: table.direction,
    ...(filters.action ? { action: filters.action } : {}),
    ...(filters.targetType ? { targetType: filters.targetType } : {}),
    ...(from ? { from } : {}),
    ...(to ? { to } : {}),
    ...(organizationId || linkedOrganization ? { organizationId: organizationId || linkedOrganization } : {}),
    ...(targetId ? { targetId } : {}),
  };
  const query = useQuery({
    ...(scope === "staff" ? utils.audit.list.queryOptions(input) : utils.audit.listOwn.queryOptions(input)),
    placeholderData: keepPreviousData,
  });
  const chips = auditChips(
    { ...filters, organizationId: linkedOrganization },
    { from, to, organizationName: query.data?.items[0]?.organizationName, day: dates.day },
  );
  return (
    <div>
      <AuditFilterFields
        filters={filters}
        action={action}
        setAction={setAction}
        setFilter={table.setFilter}
        timeZone={dates.timeZone}
      />
      <FilterChips chips={chips} onClear={clear} onClearAll={clearAll} />
      <QueryState query={query}>
        {(data) => (
          <>
            <AuditTable
              rows={data.items}
              area={scope === "staff" ? "console" : "portal"}
              showOrganization={scope === "staff" && !organizationId && !linkedOrganization}
              caption={auditCaption(table.sorting)}
              sorting={table.sorting}
              onSortingChange={table.onSortingChange}
              filtered={chips.length > 0}
              onClear={clearAll}
            />
            {data.items.length > 0 && (
              <Pagination
                page={data.page}
                pageCount={data.pageCount}
                total={data.total}
                onPage={table.setPage}
                noun="event"
              />
            )}
          </>
        )}
      </QueryState>
    </div>
  );
};
