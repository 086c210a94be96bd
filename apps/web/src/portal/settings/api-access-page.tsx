import { Alert, Badge, Card, Switch } from "@tessera/ui";
import { Link } from "react-router";
import { ErrorAlert } from "../../components/error-alert.tsx";
import { Detail } from "../../components/organization-fields.tsx";
import { QueryState } from "../../components/query-state.tsx";
import { trpc } from "../../trpc.ts";
import { GateNotice } from "./tier-gate.tsx";
import { useRefreshWhiteLabel } from "./white-label-data.ts";

/** Whether the organisation's API keys work at all, and how fast they may go together. */
export const ApiAccessSettingsPage = () => {
  const refresh = useRefreshWhiteLabel();
  const access = trpc.whiteLabel.apiAccess.useQuery();
  const enable = trpc.whiteLabel.enableAPI.useMutation({ onSuccess: refresh });
  return (
    <QueryState query={access}>
      {(api) => (
        <>
          <GateNotice gate={api.gate} what="API access" />
          <Card title="API access" actions={api.active ? <Badge tone="green">On</Badge> : <Badge>Off</Badge>}>
            <div className="space-y-5">
              <Switch
                label="Let our API keys call Tessera"
                checked={enable.isPending && enable.variables ? enable.variables.enabled : api.enabled}
                busy={enable.isPending}
                disabled={!api.gate.allowed}
                onChange={(enabled) => enable.mutate({ enabled })}
                hint="Off refuses every call made with your organisation's keys (usage reports, license reads, tickets)."
              />
              {api.enabled && !api.gate.allowed && (
                <Alert tone="warning">
                  Switched on, but your tier no longer includes API access: calls are refused.
                </Alert>
              )}
              <ErrorAlert error={enable.error} title="API access not switched" />
              <dl className="grid gap-4 md:grid-cols-3">
                <Detail label="Rate limit">
                  {api.requestsPerMinute === null
                    ? "No license in force"
                    : `${api.requestsPerMinute.toLocaleString()} requests per minute, shared by all keys`}
                </Detail>
                <Detail label="Active keys">{api.activeKeys}</Detail>
                <Detail label="Keys">
                  <Link to="/portal/api-keys" className="font-medium text-brand-ink underline">
                    Manage API keys
                  </Link>
                </Detail>
              </dl>
            </div>
          </Card>
        </>
      )}
    </QueryState>
  );
};
