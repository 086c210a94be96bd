import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { Link } from "react-router";
import { useTRPC } from "../trpc.ts";
import { Field } from "./field.tsx";
import { QueryState } from "./query-state.tsx";
import { StatusBadge } from "./ticket-parts.tsx";
import { useDebounced } from "./use-debounced.ts";

/**
 * Search as you type: a ticket number (`SUP-000123` or `123`) or words of the subject,
 * description and thread. Staff search every organisation (internal notes too); customers
 * only their own organisation's tickets and public messages — the API decides which.
 */
export const TicketSearch = ({ audience }: { audience: "staff" | "customer" }) => {
  const trpc = useTRPC();
  const [text, setText] = useState("");
  const query = useDebounced(text.trim(), 250);
  const options =
    audience === "staff"
      ? trpc.support.search.queryOptions({ query })
      : trpc.support.searchMine.queryOptions({ query });
  const results = useQuery({ ...options, enabled: query.length > 0 });
  const base = audience === "staff" ? "/console/support" : "/portal/tickets";
  return (
    <search aria-label="Search tickets" className="mb-4 block">
      <form onSubmit={(event) => event.preventDefault()}>
        <Field
          label="Search tickets"
          name="query"
          type="search"
          value={text}
          onChange={setText}
          placeholder="SUP-000123, or words from the subject or thread"
        />
      </form>
      {query.length > 0 && (
        <div aria-live="polite" className="mt-2">
          <QueryState query={results}>
            {(data) =>
              data.items.length === 0 ? (
                <p className="text-sm text-slate-600 dark:text-slate-300">No ticket matches “{query}”.</p>
              ) : (
                <ul aria-label="Search results" className="divide-y divide-slate-100 dark:divide-slate-800">
                  {data.items.map((ticket) => (
                    <li key={ticket.id} className="flex flex-wrap items-center gap-2 py-2 text-sm">
                      <Link
                        to={`${base}/${ticket.id}`}
                        className="font-mono text-indigo-700 underline dark:text-indigo-300"
                      >
                        {ticket.reference}
                      </Link>
                      <StatusBadge status={ticket.status} />
                      <span className="text-slate-900 dark:text-slate-100">{ticket.subject}</span>
                      {audience === "staff" && (
                        <span className="text-slate-600 dark:text-slate-300">
                          · {ticket.organizationName}
                        </span>
                      )}
                    </li>
                  ))}
                </ul>
              )
            }
          </QueryState>
        </div>
      )}
    </search>
  );
};
