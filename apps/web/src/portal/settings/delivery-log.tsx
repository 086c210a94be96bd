import { keepPreviousData, useMutation, useQuery } from "@tanstack/react-query";
import type { AppRouter } from "@tessera/api";
import type { inferRouterOutputs } from "@trpc/server";
import { useState } from "react";
import { Badge } from "../../components/badge.tsx";
import { Button } from "../../components/button.tsx";
import { ErrorAlert } from "../../components/error-alert.tsx";
import { Pagination } from "../../components/pagination.tsx";
import { QueryState } from "../../components/query-state.tsx";
import { useTRPC } from "../../trpc.ts";
import { useRefreshWhiteLabel } from "./white-label-data.ts";

type Delivery = inferRouterOutputs<AppRouter>["whiteLabel"]["deliveries"]["items"][number];

const PAGE_SIZE = 10;
const STATUS_TONE = { PENDING: "amber", DELIVERED: "green", DEAD: "red" } as const;

const formatTime = (value: Date | string) =>
  new Date(value).toLocaleString(undefined, { dateStyle: "medium", timeStyle: "medium" });

const Attempts = ({ delivery }: { delivery: Delivery }) =>
  delivery.attemptLog.length === 0 ? (
    <p className="text-xs text-slate-600 dark:text-slate-300">Not tried yet.</p>
  ) : (
    <ol className="space-y-1 text-xs text-slate-700 dark:text-slate-300">
      {delivery.attemptLog.map((attempt) => (
        <li key={attempt.id}>
          <span className="font-medium">#{attempt.attempt}</span> {formatTime(attempt.startedAt)} ·{" "}
          {attempt.statusCode !== null ? `HTTP ${attempt.statusCode}` : "no answer"} · {attempt.durationMs} ms
          {attempt.error && (
            <span className="block break-all text-red-800 dark:text-red-300">{attempt.error}</span>
          )}
          {attempt.responseExcerpt && (
            <span className="block break-all font-mono text-slate-600 dark:text-slate-300">
              {attempt.responseExcerpt}
            </span>
          )}
        </li>
      ))}
    </ol>
  );

const DeliveryRow = ({ delivery }: { delivery: Delivery }) => {
  const trpc = useTRPC();
  const refresh = useRefreshWhiteLabel();
  const retry = useMutation(trpc.whiteLabel.retryDelivery.mutationOptions({ onSuccess: refresh }));
  return (
    <tr className="align-top">
      <td className="py-2 pr-4">
        <span className="font-mono text-slate-900 dark:text-slate-100">{delivery.eventType}</span>
        <span className="block text-xs text-slate-600 dark:text-slate-300">
          {formatTime(delivery.createdAt)}
        </span>
      </td>
      <td className="py-2 pr-4">
        <Badge tone={STATUS_TONE[delivery.status]}>{delivery.status}</Badge>
      </td>
      <td className="py-2 pr-4 text-slate-700 dark:text-slate-300">{delivery.attempts}</td>
      <td className="py-2 pr-4">
        <Attempts delivery={delivery} />
      </td>
      <td className="whitespace-nowrap py-2 pr-4 text-slate-700 dark:text-slate-300">
        {delivery.status === "PENDING"
          ? formatTime(delivery.nextAttemptAt)
          : delivery.deliveredAt
            ? `Delivered ${formatTime(delivery.deliveredAt)}`
            : "—"}
      </td>
      <td className="py-2 text-right">
        {delivery.status === "DEAD" && (
          <Button
            variant="secondary"
            busy={retry.isPending}
            aria-label={`Retry ${delivery.eventType} delivery`}
            onClick={() => retry.mutate({ deliveryId: delivery.id })}
          >
            Retry
          </Button>
        )}
        <ErrorAlert error={retry.error} title="Not retried" />
      </td>
    </tr>
  );
};

/** One webhook's deliveries, newest first, with every attempt; refreshed while some are pending. */
export const DeliveryLog = ({ integrationId, name }: { integrationId: string; name: string }) => {
  const trpc = useTRPC();
  const [page, setPage] = useState(1);
  const deliveries = useQuery({
    ...trpc.whiteLabel.deliveries.queryOptions({ integrationId, page, pageSize: PAGE_SIZE }),
    placeholderData: keepPreviousData,
    refetchInterval: (query) =>
      query.state.data?.items.some((delivery) => delivery.status === "PENDING") ? 5_000 : false,
  });
  return (
    <QueryState query={deliveries}>
      {(result) =>
        result.total === 0 ? (
          <p className="text-sm text-slate-600 dark:text-slate-300">No deliveries yet.</p>
        ) : (
          <>
            <div className="overflow-x-auto">
              <table className="w-full text-left text-sm">
                <caption className="sr-only">Deliveries to {name}</caption>
                <thead className="border-b border-slate-200 dark:border-slate-700 text-xs uppercase tracking-wide text-slate-500 dark:text-slate-400">
                  <tr>
                    <th scope="col" className="py-2 pr-4 font-medium">
                      Event
                    </th>
                    <th scope="col" className="py-2 pr-4 font-medium">
                      Status
                    </th>
                    <th scope="col" className="py-2 pr-4 font-medium">
                      Attempts
                    </th>
                    <th scope="col" className="py-2 pr-4 font-medium">
                      Responses
                    </th>
                    <th scope="col" className="py-2 pr-4 font-medium">
                      Next attempt
                    </th>
                    <th scope="col" className="py-2 font-medium">
                      <span className="sr-only">Actions</span>
                    </th>
                  </tr>
                </thead>
                <tbody className="divide-y divide-slate-100 dark:divide-slate-800">
                  {result.items.map((delivery) => (
                    <DeliveryRow key={delivery.id} delivery={delivery} />
                  ))}
                </tbody>
              </table>
            </div>
            <Pagination
              page={result.page}
              pageCount={result.pageCount}
              total={result.total}
              onPage={setPage}
              noun="delivery"
              nounPlural="deliveries"
            />
          </>
        )
      }
    </QueryState>
  );
};
