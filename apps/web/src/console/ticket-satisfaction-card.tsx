import { useQuery } from "@tanstack/react-query";
import { Card } from "../components/card.tsx";
import { formatDate } from "../components/format-date.ts";
import { QueryState } from "../components/query-state.tsx";
import { SatisfactionBadge } from "../components/satisfaction-badge.tsx";
import { useTRPC } from "../trpc.ts";

/** The customer's rating of the ticket, once given (after it was resolved). */
export const TicketSatisfactionCard = ({ ticketId }: { ticketId: string }) => {
  const trpc = useTRPC();
  const rating = useQuery(trpc.satisfaction.forTicket.queryOptions({ ticketId }));
  return (
    <Card title="Customer rating">
      <QueryState query={rating}>
        {(data) =>
          data ? (
            <div className="space-y-2 text-sm">
              <p>
                <SatisfactionBadge rating={data.rating} />{" "}
                <span className="text-slate-600 dark:text-slate-300">
                  by {data.ratedByName ?? "a former user"}, {formatDate(data.ratedAt)}
                </span>
              </p>
              {data.comment && (
                <blockquote className="whitespace-pre-wrap border-l-2 border-slate-200 dark:border-slate-700 pl-3 text-slate-800 dark:text-slate-200">
                  {data.comment}
                </blockquote>
              )}
            </div>
          ) : (
            <p className="text-sm text-slate-600 dark:text-slate-300">
              Not rated. The customer is asked once the ticket is resolved.
            </p>
          )
        }
      </QueryState>
    </Card>
  );
};
