import { useState } from "react";
import { Link } from "react-router";
import { trpc } from "../trpc.ts";
import { Field } from "./field.tsx";
import { QueryState } from "./query-state.tsx";
import { StatusBadge } from "./ticket-parts.tsx";
import { useDebounced } from "./use-debounced.ts";

/**
 * Search as you type, for staff: a ticket number (`SUP-000123` or `123`) or words of the
 * subject, description and thread, in every organisation (internal notes too). The portal
 * searches in its list's filters instead (support.searchMine).
 */
export const TicketSearch = () => {
  const [text, setText] = useState("");
  const query = useDebounced(text.trim(), 250);
  const results = trpc.support.search.useQuery({ query }, { enabled: query.length > 0 });
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
                <p className="text-sm text-fg-muted">No ticket matches “{query}”.</p>
              ) : (
                <ul aria-label="Search results" className="divide-y divide-line">
                  {data.items.map((ticket) => (
                    <li key={ticket.id} className="flex flex-wrap items-center gap-2 py-2 text-sm">
                      <Link
                        to={`/console/support/${ticket.id}`}
                        className="font-mono text-indigo-700 underline dark:text-indigo-300"
                      >
                        {ticket.reference}
                      </Link>
                      <StatusBadge status={ticket.status} />
                      <span className="text-fg">{ticket.subject}</span>
                      <span className="text-fg-muted">· {ticket.organizationName}</span>
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
