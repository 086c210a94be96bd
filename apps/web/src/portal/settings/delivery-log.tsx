import { keepPreviousData } from "@tanstack/react-query";
import type { AppRouter } from "@tessera/api";
import { WEBHOOK_DELIVERY_STATUS_LABELS } from "@tessera/domain";
import { Badge, Button } from "@tessera/ui";
import type { inferRouterOutputs } from "@trpc/server";
import { useState } from "react";
import { DataTable } from "../../components/data-table/data-table.tsx";
import { columnHelper } from "../../components/data-table/features.ts";
import { TableEmpty } from "../../components/data-table/table-empty.tsx";
import { useDateFormat } from "../../components/dates/use-date-format.ts";
import { ErrorAlert } from "../../components/error-alert.tsx";
import { Pagination } from "../../components/pagination.tsx";
import { QueryState } from "../../components/query-state.tsx";
import { trpc } from "../../trpc.ts";
import { useRefreshWhiteLabel } from "./white-label-data.ts";

type Delivery = inferRouterOutputs<AppRouter>["whiteLabel"]["deliveries"]["items"][number];

const PAGE_SIZE = 10;
const STATUS_TONE = { PENDING: "amber", DELIVERED: "green", DEAD: "red" } as const;

const Attempts = ({ delivery }: { delivery: Delivery }) => {
  const dates = useDateFormat();
  return delivery.attemptLog.length === 0 ? (
    <p className="text-xs text-fg-muted">Not tried yet.</p>
  ) : (
    <ol className="space-y-1 text-xs">
      {delivery.attemptLog.map((attempt) => (
        <li key={attempt.id}>
          <span className="font-medium">#{attempt.attempt}</span>{" "}
          {dates.instant(attempt.startedAt, { seconds: true })} ·{" "}
          {attempt.statusCode !== null ? `HTTP ${attempt.statusCode}` : "no answer"} · {attempt.durationMs} ms
          {attempt.error && (
            <span className="block break-all text-red-800 dark:text-red-300">{attempt.error}</span>
          )}
          {attempt.responseExcerpt && (
            <span className="block break-all font-mono text-fg-muted">{attempt.responseExcerpt}</span>
          )}
        </li>
      ))}
    </ol>
  );
};

const EventCell = ({ delivery }: { delivery: Delivery }) => {
  const dates = useDateFormat();
  return (
    <>
      <span className="font-mono text-fg">{delivery.eventType}</span>
      <span className="block text-xs text-fg-muted">
        {dates.instant(delivery.createdAt, { seconds: true })}
      </span>
    </>
  );
};

const NextAttempt = ({ delivery }: { delivery: Delivery }) => {
  const dates = useDateFormat();
  return (
    <span className="whitespace-nowrap">
      {delivery.status === "PENDING"
        ? dates.instant(delivery.nextAttemptAt, { seconds: true })
        : delivery.deliveredAt
          ? `Delivered ${dates.instant(delivery.deliveredAt, { seconds: true })}`
          : "—"}
    </span>
  );
};

/** Its own component: each row holds its own retry request. */
const RetryButton = ({ delivery }: { delivery: Delivery }) => {
  const refresh = useRefreshWhiteLabel();
  const retry = trpc.whiteLabel.retryDelivery.useMutation({ onSuccess: refresh });
  return (
    <>
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
    </>
  );
};

const column = columnHelper<Delivery>();

/** Newest first as the API pages them; no header sorts. */
const COLUMNS = [
  column.accessor("eventType", {
    header: "Event",
    enableHiding: false,
    cell: ({ row }) => <EventCell delivery={row.original} />,
  }),
  column.accessor("status", {
    header: "Status",
    cell: ({ getValue }) => (
      <Badge tone={STATUS_TONE[getValue()]}>{WEBHOOK_DELIVERY_STATUS_LABELS[getValue()]}</Badge>
    ),
  }),
  column.accessor("attempts", { header: "Attempts" }),
  column.display({
    id: "responses",
    header: "Responses",
    cell: ({ row }) => <Attempts delivery={row.original} />,
  }),
  column.display({
    id: "nextAttempt",
    header: "Next attempt",
    cell: ({ row }) => <NextAttempt delivery={row.original} />,
  }),
  column.display({
    id: "actions",
    header: "Actions",
    enableHiding: false,
    cell: ({ row }) => <RetryButton delivery={row.original} />,
  }),
];

/** One webhook's deliveries, newest first, with every attempt; refreshed while some are pending. */
export const DeliveryLog = ({ integrationId, name }: { integrationId: string; name: string }) => {
  // Not in the address: a page shows one log per webhook, each with its own page.
  const [page, setPage] = useState(1);
  const deliveries = trpc.whiteLabel.deliveries.useQuery(
    { integrationId, page, pageSize: PAGE_SIZE },
    {
      placeholderData: keepPreviousData,
      refetchInterval: (query) =>
        query.state.data?.items.some((delivery) => delivery.status === "PENDING") ? 5_000 : false,
    },
  );
  return (
    <QueryState query={deliveries}>
      {(result) =>
        result.total === 0 ? (
          <TableEmpty filtered={false} empty="No deliveries yet." noMatch="" />
        ) : (
          <>
            <DataTable
              id="webhook-deliveries"
              caption={`Deliveries to ${name}`}
              columns={COLUMNS}
              data={result.items}
              getRowId={(delivery) => delivery.id}
            />
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
