import { Button, Card } from "@tessera/ui";
import { useState } from "react";
import { downloadFile } from "../components/download-file.ts";
import { ErrorAlert } from "../components/error-alert.tsx";
import type { License } from "../components/license-summary.tsx";
import { RotateKeyDialog } from "../components/rotate-key-dialog.tsx";
import { RotatedKeyReveal } from "../components/rotated-key-reveal.tsx";
import { trpc } from "../trpc.ts";

/** The customer's key (rotated with an overlap for the old one) and the offline token download. */
export const LicenseKeyCard = ({ license }: { license: Pick<License, "id" | "status"> }) => {
  const utils = trpc.useUtils();
  const [confirmRotate, setConfirmRotate] = useState(false);
  const [rotated, setRotated] = useState<{ key: string; previousKeyExpiresAt: Date | null } | null>(null);
  const rotate = trpc.licenses.rotateMyKey.useMutation({
    onSuccess: async (answer) => {
      setConfirmRotate(false);
      setRotated(answer);
      await utils.licenses.mine.invalidate();
    },
  });
  const token = trpc.licenses.myToken.useMutation({
    onSuccess: ({ token: jwt }) => downloadFile("tessera-license.jwt", jwt, "application/jwt"),
  });
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
        <p className="text-sm text-fg-muted">
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
