import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { DisableMfaInput, RegenerateRecoveryCodesInput } from "@tessera/domain";
import { type FormEvent, useState } from "react";
import { Alert } from "../components/alert.tsx";
import { Badge } from "../components/badge.tsx";
import { Button } from "../components/button.tsx";
import { Card } from "../components/card.tsx";
import { ErrorAlert } from "../components/error-alert.tsx";
import { Field } from "../components/field.tsx";
import { formatDate } from "../components/format-date.ts";
import { QueryState } from "../components/query-state.tsx";
import { useSchemaForm } from "../components/use-form.ts";
import { useTRPC } from "../trpc.ts";
import { fieldProblem } from "./field-problem.ts";
import { MfaEnrolment } from "./mfa-enrolment.tsx";
import { RecoveryCodesList } from "./recovery-codes-list.tsx";

/** New recovery codes for a current code from the app; the old ones stop working. */
const RegenerateCodes = ({ onCodes }: { onCodes: (codes: string[]) => void }) => {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [code, setCode] = useState("");
  const form = useSchemaForm(RegenerateRecoveryCodesInput);
  const regenerate = useMutation(
    trpc.auth.mfa.regenerateRecoveryCodes.mutationOptions({
      onSuccess: async ({ recoveryCodes }) => {
        setCode("");
        onCodes(recoveryCodes);
        await queryClient.invalidateQueries({ queryKey: trpc.auth.mfa.status.queryKey() });
      },
    }),
  );
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const input = form.parse({ code });
    if (input) regenerate.mutate(input);
  };
  return (
    <form onSubmit={submit} noValidate aria-label="New recovery codes" className="max-w-xs space-y-3">
      <Field
        label="Code from your app"
        name="regenerate-code"
        autoComplete="one-time-code"
        value={code}
        onChange={setCode}
        error={form.errors.code ?? fieldProblem(regenerate.error, "code")}
        hint="Makes ten new recovery codes; the old ones stop working."
      />
      <Button type="submit" variant="secondary" busy={regenerate.isPending}>
        Make new recovery codes
      </Button>
    </form>
  );
};

/** Turning MFA off asks for the password again. */
const DisableMfa = ({ required }: { required: boolean }) => {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [password, setPassword] = useState("");
  const form = useSchemaForm(DisableMfaInput);
  const disable = useMutation(
    trpc.auth.mfa.disable.mutationOptions({
      onSuccess: () => queryClient.invalidateQueries({ queryKey: trpc.auth.mfa.status.queryKey() }),
    }),
  );
  if (required) {
    return (
      <p className="text-sm text-slate-600 dark:text-slate-300">
        It is required for your account, so it stays on.
      </p>
    );
  }
  const passwordError = form.errors.password ?? fieldProblem(disable.error, "password");
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const input = form.parse({ password });
    if (input) disable.mutate(input);
  };
  return (
    <form
      onSubmit={submit}
      noValidate
      aria-label="Turn off two-factor authentication"
      className="max-w-xs space-y-3"
    >
      <Field
        label="Your password"
        name="disable-password"
        type="password"
        autoComplete="current-password"
        value={password}
        onChange={setPassword}
        error={passwordError}
      />
      {disable.error && !passwordError ? (
        <ErrorAlert error={disable.error} title="Could not turn it off" />
      ) : null}
      <Button type="submit" variant="danger" busy={disable.isPending}>
        Turn off two-factor authentication
      </Button>
    </form>
  );
};

/** Two-factor authentication: on (with recovery codes and a way off) or the enrolment. */
export const MfaCard = () => {
  const trpc = useTRPC();
  const status = useQuery(trpc.auth.mfa.status.queryOptions());
  const [codes, setCodes] = useState<string[] | null>(null);
  return (
    <Card title="Two-factor authentication">
      <QueryState query={status}>
        {(mfa) => (
          <div className="space-y-4">
            {codes && <RecoveryCodesList codes={codes} />}
            {mfa.enabled ? (
              <>
                <p className="flex flex-wrap items-center gap-2 text-sm text-slate-700 dark:text-slate-300">
                  <Badge tone="green">On</Badge> since {formatDate(mfa.enabledAt)} · {mfa.recoveryCodesLeft}{" "}
                  recovery codes left
                </p>
                {mfa.recoveryCodesLeft < 3 && (
                  <Alert tone="warning">You are running out of recovery codes: make new ones.</Alert>
                )}
                <RegenerateCodes onCodes={setCodes} />
                <DisableMfa required={mfa.required} />
              </>
            ) : (
              <MfaEnrolment onEnabled={setCodes} />
            )}
          </div>
        )}
      </QueryState>
    </Card>
  );
};
