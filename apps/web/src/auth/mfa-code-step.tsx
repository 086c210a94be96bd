import type { AppRouter } from "@tessera/api";
import { Alert, Button } from "@tessera/ui";
import type { inferRouterOutputs } from "@trpc/server";
import { type FormEvent, useState } from "react";
import { fieldProblem } from "../account/field-problem.ts";
import { Field } from "../components/field.tsx";
import { apiProblem, trpc } from "../trpc.ts";
import { useCountdown } from "./use-countdown.ts";

type SignedIn = inferRouterOutputs<AppRouter>["auth"]["verifyMfa"];

/**
 * The second step of signing in for a user with MFA on: a code from the authenticator app, or
 * one of the recovery codes. Throttled like the password step, with the same countdown.
 */
export const MfaCodeStep = ({
  challenge,
  onSignedIn,
  onRestart,
}: {
  challenge: string;
  onSignedIn: (result: SignedIn) => void | Promise<void>;
  onRestart: () => void;
}) => {
  const [recovery, setRecovery] = useState(false);
  const [code, setCode] = useState("");
  const [missing, setMissing] = useState(false);
  const [retryAt, setRetryAt] = useState<number | null>(null);
  const verify = trpc.auth.verifyMfa.useMutation({
    onSuccess: onSignedIn,
    onError: (error) => {
      const problem = apiProblem(error);
      setRetryAt(problem?.retryAfterSeconds ? Date.now() + problem.retryAfterSeconds * 1000 : null);
      setCode("");
    },
  });
  const waitSeconds = useCountdown(retryAt);
  const problem = apiProblem(verify.error);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    verify.reset();
    setMissing(code.trim() === "");
    if (code.trim()) verify.mutate({ challenge, code });
  };
  const codeError = missing ? ["is required"] : fieldProblem(verify.error, "code");
  const expired = problem?.code === "MFA_CHALLENGE_INVALID";
  return (
    <form
      onSubmit={submit}
      noValidate
      aria-label="Two-factor authentication"
      className="space-y-4 rounded-lg border border-line bg-surface p-6 shadow-sm"
    >
      <p className="text-sm text-fg-muted">
        {recovery
          ? "Enter one of the recovery codes you saved when you set up two-factor authentication."
          : "Enter the 6-digit code from your authenticator app."}
      </p>
      <Field
        label={recovery ? "Recovery code" : "Authentication code"}
        name="code"
        autoComplete="one-time-code"
        value={code}
        onChange={setCode}
        error={codeError}
        required
      />
      {problem && !codeError && (
        <Alert title={problem.code === "RATE_LIMITED" ? "Too many attempts" : "Could not sign you in"}>
          <p data-error-code={problem.code}>{problem.message}</p>
          {problem.code === "RATE_LIMITED" && waitSeconds > 0 && (
            <p className="mt-1">You can try again in {waitSeconds} s.</p>
          )}
        </Alert>
      )}
      {expired ? (
        <Button className="w-full" onClick={onRestart}>
          Start again
        </Button>
      ) : (
        <Button type="submit" busy={verify.isPending} disabled={waitSeconds > 0} className="w-full">
          {verify.isPending ? "Checking…" : waitSeconds > 0 ? `Try again in ${waitSeconds} s` : "Verify"}
        </Button>
      )}
      <div className="flex justify-between gap-2">
        <Button
          variant="ghost"
          onClick={() => {
            setRecovery(!recovery);
            setCode("");
            verify.reset();
          }}
        >
          {recovery ? "Use your authenticator app" : "Use a recovery code"}
        </Button>
        <Button variant="ghost" onClick={onRestart}>
          Cancel
        </Button>
      </div>
    </form>
  );
};
