import { Alert } from "@tessera/ui";
import type { ReactNode } from "react";
import { apiProblem } from "../trpc.ts";

/** What to do next, for the errors where the API's message alone leaves the user stuck. */
const NEXT_STEP: Record<string, string> = {
  LAST_OWNER: "Make another active member an owner first, then try again.",
  FORBIDDEN: "Your role does not allow this. Ask an administrator.",
  UNAUTHENTICATED: "Your session has ended. Sign in again.",
  STALE_VERSION: "Someone changed this at the same time; the page now shows the latest data.",
  INTERNAL: "Something went wrong on our side. Try again in a moment.",
};

/**
 * The error of a failed call, as the API worded it, with a next step where one helps;
 * `children` (e.g. a "Try again" button) follow inside the alert.
 */
export const ErrorAlert = ({
  error,
  title,
  children,
}: {
  error: unknown;
  title?: string;
  children?: ReactNode;
}) => {
  const problem = apiProblem(error);
  if (!problem) return null;
  const next = NEXT_STEP[problem.code];
  return (
    <Alert title={title}>
      <p data-error-code={problem.code}>{problem.message}</p>
      {next && <p className="mt-1">{next}</p>}
      {children}
    </Alert>
  );
};
