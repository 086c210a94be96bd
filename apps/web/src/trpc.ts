import { QueryClient } from "@tanstack/react-query";
import type { AppRouter } from "@tessera/api";
import { createTRPCClient, httpBatchLink, TRPCClientError } from "@trpc/client";
import { createTRPCContext } from "@trpc/tanstack-react-query";
import superjson from "superjson";

export const { TRPCProvider, useTRPC } = createTRPCContext<AppRouter>();

export const trpcClient = createTRPCClient<AppRouter>({
  links: [httpBatchLink({ url: "/trpc", transformer: superjson })],
});

export const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      staleTime: 10_000,
      // 4xx answers will not change on retry.
      retry: (count, error) =>
        count < 2 && !(error instanceof TRPCClientError && (error.data?.httpStatus ?? 500) < 500),
    },
  },
});

/** What the API says about a failed call: a message, our stable code and per-field messages. */
export interface ApiProblem {
  message: string;
  code: string;
  fieldErrors: Record<string, string[]>;
}

export const apiProblem = (error: unknown): ApiProblem | null => {
  if (!error) return null;
  if (error instanceof TRPCClientError) {
    const data = (error.data ?? {}) as { code?: string; fieldErrors?: Record<string, string[]> };
    return { message: error.message, code: data.code ?? "ERROR", fieldErrors: data.fieldErrors ?? {} };
  }
  return {
    message: error instanceof Error ? error.message : "Something went wrong",
    code: "ERROR",
    fieldErrors: {},
  };
};
