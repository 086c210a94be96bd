import { Link } from "react-router";
import { formatDate } from "../components/format-date.ts";
import { PriorityBadge, StatusBadge } from "../components/ticket-parts.tsx";
import type { StaffTicket } from "./staff-ticket.ts";

/** The ticket's reference, subject and facts: organisation, priority, status, assignee, opened. */
export const TicketHeader = ({ data }: { data: StaffTicket }) => (
  <div className="mb-6">
    <Link to="/console/support" className="text-sm text-indigo-700 dark:text-indigo-300 hover:underline">
      ← Support queue
    </Link>
    <h1 className="mt-2 text-2xl font-semibold tracking-tight text-slate-900 dark:text-slate-100">
      <span className="text-slate-500 dark:text-slate-400">{data.reference}</span> {data.subject}
    </h1>
    <dl className="mt-3 flex flex-wrap gap-x-6 gap-y-2 text-sm">
      <div className="flex gap-2">
        <dt className="text-slate-600 dark:text-slate-300">Organisation</dt>
        <dd>
          <Link
            to={`/console/organizations/${data.organizationId}`}
            className="font-medium text-indigo-700 dark:text-indigo-300 hover:underline"
          >
            {data.organizationName}
          </Link>
        </dd>
      </div>
      <div className="flex gap-2">
        <dt className="text-slate-600 dark:text-slate-300">Priority</dt>
        <dd>
          <PriorityBadge priority={data.priority} />
        </dd>
      </div>
      <div className="flex gap-2">
        <dt className="text-slate-600 dark:text-slate-300">Status</dt>
        <dd>
          <StatusBadge status={data.status} />
        </dd>
      </div>
      <div className="flex gap-2">
        <dt className="text-slate-600 dark:text-slate-300">Assignee</dt>
        <dd className="font-medium text-slate-900 dark:text-slate-100">
          {data.assignee?.name ?? "Unassigned"}
        </dd>
      </div>
      <div className="flex gap-2">
        <dt className="text-slate-600 dark:text-slate-300">Opened</dt>
        <dd className="text-slate-900 dark:text-slate-100">{formatDate(data.createdAt)}</dd>
      </div>
    </dl>
  </div>
);
