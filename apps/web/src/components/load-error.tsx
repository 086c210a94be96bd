import { Button } from "@tessera/ui";
import { useState } from "react";
import { ErrorAlert } from "./error-alert.tsx";

/** What LoadError needs of a query: its error, whether it is fetching again, and how to. */
export interface RetryableQuery {
  error: unknown;
  isFetching?: boolean;
  refetch: () => Promise<{ isError: boolean }>;
}

const STILL_FAILING = "Tried again: it still could not be loaded.";

/**
 * A load that failed, with "Try again": the error stays on screen while the query runs
 * again, and a status line says how the retry went (an unchanged alert is not re-announced).
 */
export const LoadError = ({
  query,
  title = "Could not load this",
}: {
  query: RetryableQuery;
  title?: string;
}) => {
  const [outcome, setOutcome] = useState("");
  const retrying = Boolean(query.isFetching);
  const retry = async () => {
    setOutcome("");
    const result = await query.refetch();
    if (result.isError) setOutcome(STILL_FAILING);
  };
  return (
    <>
      <ErrorAlert error={query.error} title={title}>
        <Button className="mt-3" variant="secondary" busy={retrying} onClick={() => void retry()}>
          {retrying ? "Trying again…" : "Try again"}
        </Button>
      </ErrorAlert>
      <p role="status" className="mt-2 text-sm text-fg-muted">
        {retrying ? "Trying again…" : outcome}
      </p>
    </>
  );
};
