import { Card } from "@tessera/ui";
import { useDateFormat } from "../components/dates/use-date-format.ts";
import { QueryState } from "../components/query-state.tsx";
import { SatisfactionBadge } from "../components/satisfaction-badge.tsx";
import { trpc } from "../trpc.ts";

/** The customer's rating of the ticket, once given (after it was resolved). */
export const TicketSatisfactionCard = ({ ticketId }: { ticketId: string }) => {
  const dates = useDateFormat();
  const rating = trpc.satisfaction.forTicket.useQuery({ ticketId });
  return (
    <Card title="Customer rating">
      <QueryState query={rating}>
        {(data) =>
          data ? (
            <div className="space-y-2 text-sm">
              <p>
                <SatisfactionBadge rating={data.rating} />{" "}
                <span className="text-fg-muted">
                  by {data.ratedByName ?? "a former user"}, {dates.instant(data.ratedAt)}
                </span>
              </p>
              {data.comment && (
                <blockquote className="whitespace-pre-wrap border-l-2 border-line pl-3 text-fg">
                  {data.comment}
                </blockquote>
              )}
            </div>
          ) : (
            <p className="text-sm text-fg-muted">
              Not rated. The customer is asked once the ticket is resolved.
            </p>
          )
        }
      </QueryState>
    </Card>
  );
};
