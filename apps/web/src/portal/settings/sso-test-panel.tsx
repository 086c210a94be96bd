import { useMutation, useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { Button } from "../../components/button.tsx";
import { ErrorAlert } from "../../components/error-alert.tsx";
import { formatDate } from "../../components/format-date.ts";
import { useTRPC } from "../../trpc.ts";
import { SsoTestSteps } from "./sso-test-steps.tsx";

/**
 * "Test connection": a full sign-in through the provider in a popup that opens no session;
 * the report fills in as the popup reaches each step. An owner's success for the saved
 * settings is what allows enforcement.
 */
export const SsoTestPanel = ({ disabled }: { disabled: boolean }) => {
  const trpc = useTRPC();
  const [testId, setTestId] = useState<string | undefined>(undefined);
  const test = useQuery({
    ...trpc.whiteLabel.ssoTest.queryOptions(testId ? { testId } : {}),
    refetchInterval: (query) => (query.state.data?.status === "PENDING" ? 1000 : false),
  });
  const start = useMutation(
    trpc.whiteLabel.startSsoTest.mutationOptions({
      onSuccess: (started) => {
        setTestId(started.id);
        window.open(started.startUrl, "tessera-sso-test", "popup,width=560,height=720");
      },
    }),
  );
  const latest = test.data;
  return (
    <section aria-labelledby="sso-test-heading" className="space-y-3">
      <h3 id="sso-test-heading" className="text-sm font-medium text-slate-900 dark:text-slate-100">
        Test connection
      </h3>
      <p className="text-sm text-slate-600 dark:text-slate-300">
        Signs you in through your provider in a popup without changing this session, and reports each step. An
        owner's successful test of the saved settings is needed before SSO can be enforced.
      </p>
      <Button variant="secondary" disabled={disabled} busy={start.isPending} onClick={() => start.mutate()}>
        {start.isPending ? "Starting…" : "Test connection"}
      </Button>
      <ErrorAlert error={start.error} title="Test not started" />
      {latest && (
        <div aria-live="polite" className="rounded-md border border-slate-200 dark:border-slate-700 p-4">
          <p className="mb-2 text-xs text-slate-500 dark:text-slate-400">
            {testId ? "This test" : "Latest test"}, started {formatDate(latest.startedAt)} by{" "}
            {latest.startedByRole === "OWNER" ? "an owner" : "an admin"}
            {latest.assertedEmail ? ` · provider answered for ${latest.assertedEmail}` : ""}
          </p>
          <SsoTestSteps test={latest} />
        </div>
      )}
    </section>
  );
};
