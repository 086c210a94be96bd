import { KeysWorkspace } from "../components/keys-workspace.tsx";
import { PageHeader } from "../components/page-header.tsx";
import { trpc } from "../trpc.ts";
import { CreateServiceKey } from "./create-service-key-form.tsx";

/** Staff service keys for internal systems (billing, BI): create (shown once), list, revoke. */
export const ServiceKeysPage = () => {
  const utils = trpc.useUtils();
  const keys = trpc.serviceKeys.list.useQuery();
  const revoke = trpc.serviceKeys.revoke.useMutation({
    onSuccess: () => Promise.all([utils.serviceKeys.list.invalidate(), utils.audit.invalidate()]),
  });
  return (
    <>
      <PageHeader
        title="Service keys"
        description="Keys Tessera's own systems use to call the REST API across every organisation."
      />
      <div className="space-y-6">
        <KeysWorkspace
          keys={keys}
          revoke={revoke}
          noun="service key"
          revokeAdvice="create a new key and update the system that uses it first."
          createForm={(onCreated) => <CreateServiceKey onCreated={onCreated} />}
        />
      </div>
    </>
  );
};
