import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Card } from "../components/card.tsx";
import { ErrorAlert } from "../components/error-alert.tsx";
import { QueryState } from "../components/query-state.tsx";
import { Switch } from "../components/switch.tsx";
import { useTRPC } from "../trpc.ts";

/** Customer owners and admins: require two-factor authentication of everyone in the organisation. */
export const OrganizationMfaCard = () => {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const requirement = useQuery(trpc.auth.mfa.organizationRequirement.queryOptions());
  const set = useMutation(
    trpc.auth.mfa.setOrganizationRequirement.mutationOptions({
      onSuccess: () =>
        queryClient.invalidateQueries({ queryKey: trpc.auth.mfa.organizationRequirement.queryKey() }),
    }),
  );
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
