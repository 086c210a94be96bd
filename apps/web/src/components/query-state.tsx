import type { ReactNode } from "react";
import { useLocation } from "react-router";
import { LoadError, type RetryableQuery } from "./load-error.tsx";
import { Loading } from "./loading.tsx";
import { isMissingRecord } from "./missing-record.ts";
import { areaHomeLink, NotFound, type NotFoundLink } from "./not-found.tsx";

/** A record page's query: what the record is called ("license") and the list it belongs to. */
export interface RecordOf {
  what: string;
  list: NotFoundLink;
}

const capitalised = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/**
 * Loading and error states of a query, then its content. A failed load offers "Try again";
 * with `record`, a record that is not there shows the not-found view instead of an error.
 */
export const QueryState = <T,>({
  query,
  record,
  children,
}: {
  query: RetryableQuery & { isPending: boolean; fetchStatus?: string; data: T | undefined };
  record?: RecordOf;
  children: (data: T) => ReactNode;
}) => {
  const { pathname } = useLocation();
  if (query.error && record && isMissingRecord(query.error))
    return (
      <NotFound
        title={`${capitalised(record.what)} not found`}
        message={`This ${record.what} does not exist or you cannot see it.`}
        links={[record.list, areaHomeLink(pathname)]}
      />
    );
  if (query.error) return <LoadError query={query} />;
  if (query.isPending && query.fetchStatus === "paused")
    return <Loading label="Waiting for the connection…" />;
  if (query.isPending || query.data === undefined) return <Loading />;
  return <>{children(query.data)}</>;
};
