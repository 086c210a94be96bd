import { Alert } from "@tessera/ui";
import { Link } from "react-router";
import { KeysWorkspace } from "../components/keys-workspace.tsx";
import { PageHeader } from "../components/page-header.tsx";
import { trpc } from "../trpc.ts";
import { CreateKey } from "./create-api-key-form.tsx";

/** Keys are refused while the organisation's API access is off: say so where keys are made. */
const ApiAccessNotice = () => {
  const access = trpc.whiteLabel.apiAccess.useQuery();
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
  const utils = trpc.useUtils();
  const keys = trpc.apiKeys.mine.useQuery();
  const revoke = trpc.apiKeys.revokeMine.useMutation({
    onSuccess: () => Promise.all([utils.apiKeys.mine.invalidate(), utils.audit.invalidate()]),
  });
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
