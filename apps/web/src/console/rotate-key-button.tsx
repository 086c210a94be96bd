import { Button } from "@tessera/ui";
import { useState } from "react";
import { ErrorAlert } from "../components/error-alert.tsx";
import { RotateKeyDialog } from "../components/rotate-key-dialog.tsx";
import { trpc } from "../trpc.ts";

/** Staff rotate a license's key after confirming when the old key stops working. */
export const RotateKeyButton = ({
  licenseId,
  onRotated,
}: {
  licenseId: string;
  onRotated: (rotated: { key: string; previousKeyExpiresAt: Date | null }) => Promise<void>;
}) => {
  const [confirming, setConfirming] = useState(false);
  const rotate = trpc.licenses.rotateKey.useMutation({
    onSuccess: async (rotated) => {
      setConfirming(false);
      await onRotated(rotated);
    },
  });
  return (
    <>
      <Button
        variant="secondary"
        onClick={() => {
          rotate.reset();
          setConfirming(true);
        }}
      >
        Rotate key
      </Button>
      <RotateKeyDialog
        open={confirming}
        busy={rotate.isPending}
        onCancel={() => setConfirming(false)}
        onConfirm={(oldKeyExpiresIn) => rotate.mutate({ licenseId, oldKeyExpiresIn })}
      >
        <ErrorAlert error={rotate.error} />
      </RotateKeyDialog>
    </>
  );
};
