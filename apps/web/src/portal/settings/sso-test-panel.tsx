import { Button } from "@tessera/ui";
import { useState } from "react";
import { useDateFormat } from "../../components/dates/use-date-format.ts";
import { ErrorAlert } from "../../components/error-alert.tsx";
import { trpc } from "../../trpc.ts";
import { SsoTestSteps } from "./sso-test-steps.tsx";

/**
 * "Test connection": a full sign-in through the provider in a popup that opens no session;
 * the report fills in as the popup reaches each step. An owner's success for the saved
 * settings is what allows enforcement.
 */
export const SsoTestPanel = ({ disabled }: { disabled: boolean }) => {
  const dates = useDateFormat();
  const [testId, setTestId] = useState<string | undefined>(undefined);
  const test = trpc.whiteLabel.ssoTest.useQuery(testId ? { testId } : {}, {
    refetchInterval: (query) => (query.state.data?.status === "PENDING" ? 1000 : false),
  });
  const start = trpc.whiteLabel.startSsoTest.useMutation({
    onSuccess: (started) => {
      setTestId(started.id);
      window.open(started.startUrl, "tessera-sso-test", "popup,width=560,height=720");
    },
  });
  const latest = test.data;
  return (
    <section aria-labelledby="sso-test-heading" className="space-y-3">
      <h3 id="sso-test-heading" className="text-sm font-medium text-fg">
        Test connection
      </h3>
      <p className="text-sm text-fg-muted">
        Signs you in through your provider in a popup without changing this session, and reports each step. An
        owner's successful test of the saved settings is needed before SSO can be enforced.
      </p>
      <Button variant="secondary" disabled={disabled} busy={start.isPending} onClick={() => start.mutate()}>
        {start.isPending ? "Starting…" : "Test connection"}
      </Button>
      <ErrorAlert error={start.error} title="Test not started" />
      {latest && (
        <div aria-live="polite" className="rounded-md border border-line p-4">
          <p className="mb-2 text-xs text-fg-muted">
            {testId ? "This test" : "Latest test"}, started {dates.instant(latest.startedAt)} by{" "}
            {latest.startedByRole === "OWNER" ? "an owner" : "an admin"}
            {latest.assertedEmail ? ` · provider answered for ${latest.assertedEmail}` : ""}
          </p>
          <SsoTestSteps test={latest} />
        </div>
      )}
    </section>
  );
};
