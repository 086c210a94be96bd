import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useTRPC } from "../trpc.ts";
import { AuditTable } from "./audit-table.tsx";
import { Field, Pagination, QueryState } from "./ui.tsx";

/** A paged, filterable audit log: all of it for staff, the organisation's own for customers. */
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
  const [action, setAction] = useState("");
  const filter = {
    page,
    pageSize: 25,
    ...(action ? { action } : {}),
    ...(organizationId ? { organizationId } : {}),
    ...(targetId ? { targetId } : {}),
  };
  const query = useQuery(
    scope === "staff" ? trpc.audit.list.queryOptions(filter) : trpc.audit.listOwn.queryOptions(filter),
  );
  return (
    <div>
      <div className="mb-4 max-w-xs">
        <Field
          label="Filter by action"
          name="action"
          value={action}
          placeholder="e.g. user.created"
          onChange={(value) => {
            setAction(value.trim());
            setPage(1);
          }}
        />
      </div>
      <QueryState query={query}>
        {(data) => (
          <>
            <AuditTable rows={data.items} />
            <Pagination page={data.page} pageCount={data.pageCount} total={data.total} onPage={setPage} />
          </>
        )}
      </QueryState>
    </div>
  );
};
