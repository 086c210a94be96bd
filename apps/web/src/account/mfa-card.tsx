import { DisableMfaInput, RegenerateRecoveryCodesInput } from "@tessera/domain";
import { Alert, Badge, Button, Card } from "@tessera/ui";
import { useState } from "react";
import { useDateFormat } from "../components/dates/use-date-format.ts";
import { ErrorAlert } from "../components/error-alert.tsx";
import { FormField } from "../components/form-field.tsx";
import { QueryState } from "../components/query-state.tsx";
import { useZodForm } from "../components/zod-form.ts";
import { trpc } from "../trpc.ts";
import { MfaEnrolment } from "./mfa-enrolment.tsx";
import { RecoveryCodesList } from "./recovery-codes-list.tsx";

/** New recovery codes for a current code from the app; the old ones stop working. */
const RegenerateCodes = ({ onCodes }: { onCodes: (codes: string[]) => void }) => {
  const utils = trpc.useUtils();
  const form = useZodForm({ schema: RegenerateRecoveryCodesInput, defaultValues: { code: "" } });
  const regenerate = trpc.auth.mfa.regenerateRecoveryCodes.useMutation({
    onSuccess: async ({ recoveryCodes }) => {
      form.reset();
      onCodes(recoveryCodes);
      await utils.auth.mfa.status.invalidate();
    },
    onError: form.showServerErrors,
  });
  const submit = form.handleSubmit((input) => regenerate.mutate(input));
  return (
    <form onSubmit={submit} noValidate aria-label="New recovery codes" className="max-w-xs space-y-3">
      <FormField
        control={form.control}
        label="Code from your app"
        name="code"
        htmlName="regenerate-code"
        autoComplete="one-time-code"
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
  const utils = trpc.useUtils();
  const form = useZodForm({ schema: DisableMfaInput, defaultValues: { password: "" } });
  const disable = trpc.auth.mfa.disable.useMutation({
    onSuccess: () => utils.auth.mfa.status.invalidate(),
    onError: form.showServerErrors,
  });
  if (required) {
    return <p className="text-sm text-fg-muted">It is required for your account, so it stays on.</p>;
  }
  const submit = form.handleSubmit((input) => disable.mutate(input));
  return (
    <form
      onSubmit={submit}
      noValidate
      aria-label="Turn off two-factor authentication"
      className="max-w-xs space-y-3"
    >
      <FormField
        control={form.control}
        label="Your password"
        name="password"
        htmlName="disable-password"
        type="password"
        autoComplete="current-password"
      />
      {disable.error && !form.errors.password ? (
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
  const dates = useDateFormat();
  const status = trpc.auth.mfa.status.useQuery();
  const [codes, setCodes] = useState<string[] | null>(null);
  return (
    <Card title="Two-factor authentication">
      <QueryState query={status}>
        {(mfa) => (
          <div className="space-y-4">
            {codes && <RecoveryCodesList codes={codes} />}
            {mfa.enabled ? (
              <>
                <p className="flex flex-wrap items-center gap-2 text-sm text-fg-muted">
                  <Badge tone="green">On</Badge> since {dates.instant(mfa.enabledAt)} ·{" "}
                  {mfa.recoveryCodesLeft} recovery codes left
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
