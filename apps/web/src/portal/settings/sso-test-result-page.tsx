import { Card } from "@tessera/ui";
import { useParams } from "react-router";
import { QueryState } from "../../components/query-state.tsx";
import { trpc } from "../../trpc.ts";
import { SsoTestSteps } from "./sso-test-steps.tsx";

/** Where the test popup lands once the provider has answered: the report, then close. */
export const SsoTestResultPage = () => {
  const { testId = "" } = useParams();
  const test = trpc.whiteLabel.ssoTest.useQuery({ testId });
  return (
    <QueryState query={test}>
      {(found) => (
        <Card title="Single sign-on test">
          {found && <SsoTestSteps test={found} />}
          <p className="mt-4 text-sm text-fg-muted">
            The SSO settings page shows this report too; you can close this window.
          </p>
        </Card>
      )}
    </QueryState>
  );
};
