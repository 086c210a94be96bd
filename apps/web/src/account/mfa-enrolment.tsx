import { useMutation, useQueryClient } from "@tanstack/react-query";
import { ConfirmMfaEnrolmentInput } from "@tessera/domain";
import { type FormEvent, useState } from "react";
import { Button } from "../components/button.tsx";
import { CopyButton } from "../components/copy-button.tsx";
import { ErrorAlert } from "../components/error-alert.tsx";
import { Field } from "../components/field.tsx";
import { useSchemaForm } from "../components/use-form.ts";
import { useTRPC } from "../trpc.ts";
import { fieldProblem } from "./field-problem.ts";

/** Turning MFA on: a QR code (and the secret to type in), then a code from the app proves it works. */
export const MfaEnrolment = ({ onEnabled }: { onEnabled: (recoveryCodes: string[]) => void }) => {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [code, setCode] = useState("");
  const form = useSchemaForm(ConfirmMfaEnrolmentInput);
  const begin = useMutation(trpc.auth.mfa.beginEnrolment.mutationOptions());
  const confirm = useMutation(
    trpc.auth.mfa.confirmEnrolment.mutationOptions({
      onSuccess: async ({ recoveryCodes }) => {
        onEnabled(recoveryCodes);
        await queryClient.invalidateQueries({ queryKey: trpc.auth.mfa.status.queryKey() });
        await queryClient.invalidateQueries({ queryKey: trpc.auth.me.queryKey() });
      },
    }),
  );
  const submit = (event: FormEvent) => {
    event.preventDefault();
    confirm.reset();
    const input = form.parse({ code });
    if (input) confirm.mutate(input);
  };

  if (!begin.data) {
    return (
      <div className="space-y-3">
        <p className="text-sm text-slate-700 dark:text-slate-300">
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
  const codeError = form.errors.code ?? fieldProblem(confirm.error, "code");
  return (
    <div className="space-y-4">
      <ol className="list-decimal space-y-2 pl-5 text-sm text-slate-700 dark:text-slate-300">
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
        <p className="text-slate-700 dark:text-slate-300">Or type this key into the app:</p>
        <div className="mt-1 flex flex-wrap items-center gap-2">
          <code
            data-testid="mfa-secret"
            className="break-all rounded bg-slate-100 px-2 py-1 dark:bg-slate-800"
          >
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
        <Field
          label="Code from your app"
          name="code"
          autoComplete="one-time-code"
          value={code}
          onChange={setCode}
          error={codeError}
          required
        />
        {confirm.error && !codeError ? (
          <ErrorAlert error={confirm.error} title="Could not turn it on" />
        ) : null}
        <Button type="submit" busy={confirm.isPending}>
          {confirm.isPending ? "Checking…" : "Turn on"}
        </Button>
      </form>
    </div>
  );
};
