import type { ReactNode } from "react";
import { ErrorAlert } from "./error-alert.tsx";
import { Loading } from "./loading.tsx";

/** Loading and error states of a query, then its content. */
export const QueryState = <T,>({
  query,
  children,
}: {
  query: { isPending: boolean; error: unknown; data: T | undefined };
  children: (data: T) => ReactNode;
}) => {
  if (query.error) return <ErrorAlert error={query.error} title="Could not load this" />;
  if (query.isPending || query.data === undefined) return <Loading />;
  return <>{children(query.data)}</>;
};
