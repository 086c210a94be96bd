import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { KeysWorkspace } from "../components/keys-workspace.tsx";
import { PageHeader } from "../components/page-header.tsx";
import { useTRPC } from "../trpc.ts";
import { CreateServiceKey } from "./create-service-key-form.tsx";

/** Staff service keys for internal systems (billing, BI): create (shown once), list, revoke. */
export const ServiceKeysPage = () => {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const keys = useQuery(trpc.serviceKeys.list.queryOptions());
  const revoke = useMutation(
    trpc.serviceKeys.revoke.mutationOptions({
      onSuccess: () =>
        Promise.all([
          queryClient.invalidateQueries({ queryKey: trpc.serviceKeys.list.queryKey() }),
          queryClient.invalidateQueries({ queryKey: trpc.audit.pathKey() }),
        ]),
    }),
  );
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
