import { useQuery } from "@tanstack/react-query";
import { useParams } from "react-router";
import { Card } from "../../components/card.tsx";
import { QueryState } from "../../components/query-state.tsx";
import { useTRPC } from "../../trpc.ts";
import { SsoTestSteps } from "./sso-test-steps.tsx";

/** Where the test popup lands once the provider has answered: the report, then close. */
export const SsoTestResultPage = () => {
  const trpc = useTRPC();
  const { testId = "" } = useParams();
  const test = useQuery(trpc.whiteLabel.ssoTest.queryOptions({ testId }));
  return (
    <QueryState query={test}>
      {(found) => (
        <Card title="Single sign-on test">
          {found && <SsoTestSteps test={found} />}
          <p className="mt-4 text-sm text-slate-600 dark:text-slate-300">
            The SSO settings page shows this report too; you can close this window.
          </p>
        </Card>
      )}
    </QueryState>
  );
};
