import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { Button } from "../components/button.tsx";
import { Card } from "../components/card.tsx";
import { downloadFile } from "../components/download-file.ts";
import { ErrorAlert } from "../components/error-alert.tsx";
import type { License } from "../components/license-summary.tsx";
import { RotateKeyDialog } from "../components/rotate-key-dialog.tsx";
import { RotatedKeyReveal } from "../components/rotated-key-reveal.tsx";
import { useTRPC } from "../trpc.ts";

/** The customer's key (rotated with an overlap for the old one) and the offline token download. */
export const LicenseKeyCard = ({ license }: { license: Pick<License, "id" | "status"> }) => {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [confirmRotate, setConfirmRotate] = useState(false);
  const [rotated, setRotated] = useState<{ key: string; previousKeyExpiresAt: Date | null } | null>(null);
  const rotate = useMutation(
    trpc.licenses.rotateMyKey.mutationOptions({
      onSuccess: async (answer) => {
        setConfirmRotate(false);
        setRotated(answer);
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
    <Card title="Key and offline token">
      <div className="space-y-4">
        {rotated && (
          <RotatedKeyReveal
            label="Your new license key"
            rotated={rotated}
            onDismiss={() => setRotated(null)}
          />
        )}
        <p className="text-sm text-slate-700 dark:text-slate-300">
          The platform validates with the license key. Rotating it issues a new key; the old one keeps working
          for the time you choose (24 hours unless you say otherwise), so you can switch without an outage.
          The offline token is a signed JWT your systems can verify against our published keys without calling
          us.
        </p>
        <div className="flex flex-wrap gap-2">
          <Button
            variant="danger"
            onClick={() => {
              rotate.reset();
              setConfirmRotate(true);
            }}
            disabled={license.status === "CANCELLED"}
          >
            Rotate key
          </Button>
          <Button
            variant="secondary"
            busy={token.isPending}
            disabled={license.status !== "ACTIVE"}
            onClick={() => token.mutate({ licenseId: license.id })}
          >
            {token.isPending ? "Signing…" : "Download offline token"}
          </Button>
        </div>
        <ErrorAlert error={token.error} />
      </div>
      <RotateKeyDialog
        open={confirmRotate}
        busy={rotate.isPending}
        onCancel={() => setConfirmRotate(false)}
        onConfirm={(oldKeyExpiresIn) => rotate.mutate({ licenseId: license.id, oldKeyExpiresIn })}
      >
        <ErrorAlert error={rotate.error} />
      </RotateKeyDialog>
    </Card>
  );
};
