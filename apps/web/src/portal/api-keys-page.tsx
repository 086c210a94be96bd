import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Link } from "react-router";
import { Alert } from "../components/alert.tsx";
import { KeysWorkspace } from "../components/keys-workspace.tsx";
import { PageHeader } from "../components/page-header.tsx";
import { useTRPC } from "../trpc.ts";
import { CreateKey } from "./create-api-key-form.tsx";

/** Keys are refused while the organisation's API access is off: say so where keys are made. */
const ApiAccessNotice = () => {
  const trpc = useTRPC();
  const access = useQuery(trpc.whiteLabel.apiAccess.queryOptions());
  if (!access.data || access.data.active) return null;
  return (
    <Alert tone="warning" title="API access is off">
      Calls made with these keys are refused until API access is switched on under{" "}
      <Link to="/portal/settings/api-access" className="font-medium underline">
        Settings → API access
      </Link>
      .
    </Alert>
  );
};

/** The organisation's API keys for the learning platform: create (shown once), list, revoke. */
export const PortalApiKeysPage = () => {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const keys = useQuery(trpc.apiKeys.mine.queryOptions());
  const revoke = useMutation(
    trpc.apiKeys.revokeMine.mutationOptions({
      onSuccess: () =>
        Promise.all([
          queryClient.invalidateQueries({ queryKey: trpc.apiKeys.mine.queryKey() }),
          queryClient.invalidateQueries({ queryKey: trpc.audit.pathKey() }),
        ]),
    }),
  );
  return (
    <>
      <PageHeader
        title="API keys"
        description="Keys your learning platform uses to call Tessera: report usage, read the license, open tickets."
      />
      <div className="space-y-6">
        <ApiAccessNotice />
        <KeysWorkspace
          keys={keys}
          revoke={revoke}
          noun="API key"
          revokeAdvice="create a new key and update the platform first."
          createForm={(onCreated) => <CreateKey onCreated={onCreated} />}
        />
      </div>
    </>
  );
};
