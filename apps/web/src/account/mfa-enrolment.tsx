import { ConfirmMfaEnrolmentInput } from "@tessera/domain";
import { Button } from "@tessera/ui";
import { CopyButton } from "../components/copy-button.tsx";
import { ErrorAlert } from "../components/error-alert.tsx";
import { FormField } from "../components/form-field.tsx";
import { useZodForm } from "../components/zod-form.ts";
import { trpc } from "../trpc.ts";

/** Turning MFA on: a QR code (and the secret to type in), then a code from the app proves it works. */
export const MfaEnrolment = ({ onEnabled }: { onEnabled: (recoveryCodes: string[]) => void }) => {
  const utils = trpc.useUtils();
  const form = useZodForm({ schema: ConfirmMfaEnrolmentInput, defaultValues: { code: "" } });
  const begin = trpc.auth.mfa.beginEnrolment.useMutation();
  const confirm = trpc.auth.mfa.confirmEnrolment.useMutation({
    onSuccess: async ({ recoveryCodes }) => {
      onEnabled(recoveryCodes);
      await utils.auth.mfa.status.invalidate();
      await utils.auth.me.invalidate();
    },
    onError: form.showServerErrors,
  });
  const submit = form.handleSubmit(
    (input) => confirm.mutate(input),
    () => confirm.reset(),
  );

  if (!begin.data) {
    return (
      <div className="space-y-3">
        <p className="text-sm text-fg-muted">
          Two-factor authentication asks for a code from an authenticator app (such as 1Password, Google
          Authenticator or Authy) after your password.
        </p>
        {begin.error ? <ErrorAlert error={begin.error} title="Could not start" /> : null}
        <Button busy={begin.isPending} onClick={() => begin.mutate()}>
          Set up two-factor authentication
        </Button>
      </div>
    );
  }
  return (
    <div className="space-y-4">
      <ol className="list-decimal space-y-2 pl-5 text-sm text-fg-muted">
        <li>Scan this QR code with your authenticator app.</li>
        <li>Enter the 6-digit code it shows.</li>
      </ol>
      <img
        src={begin.data.qrCode}
        alt="QR code to add Tessera to your authenticator app"
        width={200}
        height={200}
        className="rounded border border-slate-200 bg-white p-2"
      />
      <div className="text-sm">
        <p className="text-fg-muted">Or type this key into the app:</p>
        <div className="mt-1 flex flex-wrap items-center gap-2">
          <code data-testid="mfa-secret" className="break-all rounded bg-surface-muted px-2 py-1">
            {begin.data.secret}
          </code>
          <CopyButton value={begin.data.secret} label="setup key" />
        </div>
      </div>
      <form
        onSubmit={submit}
        noValidate
        aria-label="Confirm two-factor authentication"
        className="max-w-xs space-y-3"
      >
        <FormField
          control={form.control}
          label="Code from your app"
          name="code"
          autoComplete="one-time-code"
          required
        />
        {confirm.error && !form.errors.code ? (
          <ErrorAlert error={confirm.error} title="Could not turn it on" />
        ) : null}
        <Button type="submit" busy={confirm.isPending}>
          {confirm.isPending ? "Checking…" : "Turn on"}
        </Button>
      </form>
    </div>
  );
};
