import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useTRPC } from "../trpc.ts";
import { AuditTable } from "./audit-table.tsx";
import { Button } from "./button.tsx";
import { Field } from "./field.tsx";
import { Pagination } from "./pagination.tsx";
import { QueryState } from "./query-state.tsx";
import { useDebounced } from "./use-debounced.ts";

const PAGE_SIZE = 25;
const NO_FILTER = { action: "", targetType: "", from: "", to: "" };

/** A day typed in a date input as the start (or the end) of that day in local time. */
const dayBound = (day: string, end: boolean) =>
  day ? new Date(`${day}T${end ? "23:59:59.999" : "00:00:00"}`) : undefined;

/**
 * A paged, filterable audit log: all of it for staff (optionally one organisation's or one
 * target's), the organisation's own for customer admins.
 */
export const AuditLog = ({
  scope,
  organizationId,
  targetId,
}: {
  scope: "staff" | "own";
  organizationId?: string;
  targetId?: string;
}) => {
  const trpc = useTRPC();
  const [page, setPage] = useState(1);
  const [filter, setFilter] = useState(NO_FILTER);
  const typed = useDebounced(filter, 300);
  const from = dayBound(typed.from, false);
  const to = dayBound(typed.to, true);
  const input = {
    page,
    pageSize: PAGE_SIZE,
    ...(typed.action.trim() ? { action: typed.action.trim() } : {}),
    ...(typed.targetType.trim() ? { targetType: typed.targetType.trim() } : {}),
    ...(from ? { from } : {}),
    ...(to ? { to } : {}),
    ...(organizationId ? { organizationId } : {}),
    ...(targetId ? { targetId } : {}),
  };
  const query = useQuery({
    ...(scope === "staff" ? trpc.audit.list.queryOptions(input) : trpc.audit.listOwn.queryOptions(input)),
    placeholderData: keepPreviousData,
  });
  const set = (key: keyof typeof NO_FILTER) => (value: string) => {
    setFilter({ ...filter, [key]: value });
    setPage(1);
  };
  const filtered = Object.values(filter).some(Boolean);
  return (
    <div>
      <fieldset className="mb-4 grid items-end gap-4 sm:grid-cols-2 lg:grid-cols-5">
        <legend className="sr-only">Filter audit events</legend>
        <Field
          label="Action"
          name="auditAction"
          value={filter.action}
          placeholder="e.g. user.role_changed"
          onChange={set("action")}
        />
        <Field
          label="Target type"
          name="auditTargetType"
          value={filter.targetType}
          placeholder="e.g. user"
          onChange={set("targetType")}
        />
        <Field label="From" name="auditFrom" type="date" value={filter.from} onChange={set("from")} />
        <Field label="To" name="auditTo" type="date" value={filter.to} onChange={set("to")} />
        <div>
          <Button
            variant="ghost"
            disabled={!filtered}
            onClick={() => {
              setFilter(NO_FILTER);
              setPage(1);
            }}
          >
            Clear filters
          </Button>
        </div>
      </fieldset>
      <QueryState query={query}>
        {(data) => (
          <>
            <AuditTable rows={data.items} showOrganization={scope === "staff" && !organizationId} />
            <Pagination
              page={data.page}
              pageCount={data.pageCount}
              total={data.total}
              onPage={setPage}
              noun="event"
            />
          </>
        )}
      </QueryState>
    </div>
  );
};
