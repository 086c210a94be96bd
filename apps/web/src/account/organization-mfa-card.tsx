import { Card, Switch } from "@tessera/ui";
import { ErrorAlert } from "../components/error-alert.tsx";
import { QueryState } from "../components/query-state.tsx";
import { trpc } from "../trpc.ts";

/** Customer owners and admins: require two-factor authentication of everyone in the organisation. */
export const OrganizationMfaCard = () => {
  const utils = trpc.useUtils();
  const requirement = trpc.auth.mfa.organizationRequirement.useQuery();
  const set = trpc.auth.mfa.setOrganizationRequirement.useMutation({
    onSuccess: () => utils.auth.mfa.organizationRequirement.invalidate(),
  });
  return (
    <Card title="Your organisation">
      <QueryState query={requirement}>
        {({ required }) => (
          <div className="space-y-3">
            <Switch
              label="Require two-factor authentication for our people"
              checked={required}
              busy={set.isPending}
              onChange={(checked) => set.mutate({ required: checked })}
              hint="People without it may only set it up after signing in with their password."
            />
            {set.error ? <ErrorAlert error={set.error} title="Could not change the requirement" /> : null}
          </div>
        )}
      </QueryState>
    </Card>
  );
};
