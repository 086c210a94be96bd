import { QueryCache, QueryClient } from "@tanstack/react-query";
import type { AppRouter } from "@tessera/api";
import { MAX_BATCH_CALLS } from "@tessera/domain";
import { httpBatchLink, httpBatchStreamLink, splitLink, TRPCClientError } from "@trpc/client";
import { createTRPCReact } from "@trpc/react-query";
import superjson from "superjson";

/** The API's procedures as hooks (`trpc.a.b.useQuery`), their cache (`trpc.useUtils()`) and the provider. */
export const trpc = createTRPCReact<AppRouter>();

/**
 * The API refuses batches over MAX_BATCH_CALLS; a page with more queries sends two requests.
 * Queries stream (JSON lines, each answer as soon as it is ready, so a page's fast cards do
 * not wait for its slowest); mutations are answered whole, as their headers matter
 * (Set-Cookie on sign-in, Retry-After) and a streamed answer's headers leave before the call runs.
 */
const batch = { url: "/trpc", transformer: superjson, maxItems: MAX_BATCH_CALLS };

export const trpcClient = trpc.createClient({
  links: [
    splitLink({
      condition: (operation) => operation.type === "query",
      true: httpBatchStreamLink(batch),
      false: httpBatchLink(batch),
    }),
  ],
});

/** What the API says about a failed call: a message, our stable code and per-field messages. */
export interface ApiProblem {
  message: string;
  code: string;
  httpStatus: number;
  fieldErrors: Record<string, string[]>;
  retryAfterSeconds: number | null;
}

interface ErrorData {
  code?: string;
  httpStatus?: number;
  fieldErrors?: Record<string, string[]>;
  retryAfterSeconds?: number;
}

export const apiProblem = (error: unknown): ApiProblem | null => {
  if (!error) return null;
  if (error instanceof TRPCClientError) {
    const data = (error.data ?? {}) as ErrorData;
    return {
      message: error.message,
      code: data.code ?? "ERROR",
      httpStatus: data.httpStatus ?? 500,
      fieldErrors: data.fieldErrors ?? {},
      retryAfterSeconds: data.retryAfterSeconds ?? null,
    };
  }
  return {
    message: error instanceof Error ? error.message : "Something went wrong",
    code: "ERROR",
    httpStatus: 500,
    fieldErrors: {},
    retryAfterSeconds: null,
  };
};

/** Whether a tRPC query key (e.g. `[["auth", "me"], { type: "query" }]`) is of `area.procedure`. */
const isProcedureQuery = (queryKey: readonly unknown[], area: string, procedure: string) => {
  const path = queryKey[0];
  return Array.isArray(path) && path[0] === area && path[1] === procedure;
};

const isSessionQuery = (queryKey: readonly unknown[]) => isProcedureQuery(queryKey, "auth", "me");

/** `whiteLabel.theme`: public, it answers for whoever is signed in, so sign-in and sign-out refresh it. */
export const isThemeQuery = (queryKey: readonly unknown[]) =>
  isProcedureQuery(queryKey, "whiteLabel", "theme");

export const queryClient: QueryClient = new QueryClient({
  queryCache: new QueryCache({
    // A session that expired or was revoked (user disabled) while the page was open: ask
    // `auth.me` again, so the route guards send the user to the sign-in page, and the theme,
    // which no longer is the organisation's.
    onError: (error, query) => {
      if (apiProblem(error)?.code === "UNAUTHENTICATED" && !isSessionQuery(query.queryKey)) {
        void queryClient.invalidateQueries({
          predicate: (candidate) => isSessionQuery(candidate.queryKey) || isThemeQuery(candidate.queryKey),
        });
      }
    },
  }),
  defaultOptions: {
    queries: {
      staleTime: 10_000,
      // 4xx answers will not change on retry.
      retry: (count, error) => count < 2 && (apiProblem(error)?.httpStatus ?? 500) >= 500,
    },
  },
});
