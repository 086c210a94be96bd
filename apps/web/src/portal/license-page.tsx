import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useMe } from "../auth/session.tsx";
import { Alert } from "../components/alert.tsx";
import { Button } from "../components/button.tsx";
import { Card } from "../components/card.tsx";
import { ConfirmDialog } from "../components/confirm-dialog.tsx";
import { downloadFile } from "../components/download-file.ts";
import { ErrorAlert } from "../components/error-alert.tsx";
import { KeyReveal } from "../components/key-reveal.tsx";
import { LicenseSummary } from "../components/license-summary.tsx";
import { PageHeader } from "../components/page-header.tsx";
import { QueryState } from "../components/query-state.tsx";
import { useTRPC } from "../trpc.ts";

export const PortalLicensePage = () => {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const me = useMe();
  const canManage = me.data?.role === "OWNER" || me.data?.role === "ADMIN";
  const mine = useQuery(trpc.licenses.mine.queryOptions());
  const [confirmRotate, setConfirmRotate] = useState(false);
  const [newKey, setNewKey] = useState<string | null>(null);
  const rotate = useMutation(
    trpc.licenses.rotateMyKey.mutationOptions({
      onSuccess: async ({ key }) => {
        setConfirmRotate(false);
        setNewKey(key);
        await queryClient.invalidateQueries({ queryKey: trpc.licenses.mine.queryKey() });
      },
    }),
  );
  const token = useMutation(
    trpc.licenses.myToken.mutationOptions({
      onSuccess: ({ token: jwt }) => downloadFile("tessera-license.jwt", jwt, "application/jwt"),
    }),
  );
  return (
    <>
      <PageHeader title="License" description="Your organisation's license, what it includes, and its key." />
      <QueryState query={mine}>
        {({ current }) =>
          !current ? (
            <Alert tone="info">
              Your organisation has no license yet. Your account manager will set one up.
            </Alert>
          ) : (
            <div className="space-y-6">
              <Card title="Current license">
                <LicenseSummary license={current} />
              </Card>
              {canManage && (
                <Card title="Key and offline token">
                  <div className="space-y-4">
                    {newKey && (
                      <KeyReveal
                        label="Your new license key"
                        value={newKey}
                        onDismiss={() => setNewKey(null)}
                      />
                    )}
                    <p className="text-sm text-slate-700 dark:text-slate-300">
                      The platform validates with the license key. Rotating it issues a new key and the old
                      one stops working at once. The offline token is a signed JWT your systems can verify
                      against our published keys without calling us.
                    </p>
                    <div className="flex flex-wrap gap-2">
                      <Button
                        variant="danger"
                        onClick={() => setConfirmRotate(true)}
                        disabled={current.status === "CANCELLED"}
                      >
                        Rotate key
                      </Button>
                      <Button
                        variant="secondary"
                        busy={token.isPending}
                        disabled={current.status !== "ACTIVE"}
                        onClick={() => token.mutate({ licenseId: current.id })}
                      >
                        {token.isPending ? "Signing…" : "Download offline token"}
                      </Button>
                    </div>
                    <ErrorAlert error={token.error} />
                  </div>
                </Card>
              )}
              <ConfirmDialog
                open={confirmRotate}
                title="Rotate the license key?"
                confirmLabel="Rotate key"
                busy={rotate.isPending}
                onCancel={() => setConfirmRotate(false)}
                onConfirm={() => rotate.mutate({ licenseId: current.id })}
              >
                <p>
                  The current key stops validating immediately. Update the platform's configuration with the
                  new key.
                </p>
                <ErrorAlert error={rotate.error} />
              </ConfirmDialog>
            </div>
          )
        }
      </QueryState>
    </>
  );
};
