import { useMutation } from "@tanstack/react-query";
import { ResetPasswordInput } from "@tessera/domain";
import { type FormEvent, useState } from "react";
import { Link, useSearchParams } from "react-router";
import { Alert } from "../components/alert.tsx";
import { Button } from "../components/button.tsx";
import { ErrorAlert } from "../components/error-alert.tsx";
import { Field } from "../components/field.tsx";
import { useSchemaForm } from "../components/use-form.ts";
import { apiProblem, useTRPC } from "../trpc.ts";
import { AccountFrame, LinkProblem } from "./link-page-frame.tsx";

/** Choose a new password from a mailed link; every session of the account is signed out. */
export const ResetPasswordPage = () => {
  const trpc = useTRPC();
  const [searchParams] = useSearchParams();
  const token = searchParams.get("token") ?? "";
  const [password, setPassword] = useState("");
  const form = useSchemaForm(ResetPasswordInput);
  const reset = useMutation(trpc.auth.resetPassword.mutationOptions({ onError: form.showServerErrors }));
  const problem = apiProblem(reset.error);
  if (!token)
    return (
      <LinkProblem title="This link can't be used" message="This link is not valid — ask for a new one" />
    );
  if (problem?.code === "LINK_INVALID")
    return <LinkProblem title="This link can't be used" message={problem.message} />;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    reset.reset();
    const input = form.parse({ token, password });
    if (input) reset.mutate(input);
  };
  return (
    <AccountFrame title="Choose a new password">
      {reset.isSuccess ? (
        <Alert tone="success" title="Your password is changed">
          <p>Every session of your account was signed out. </p>
          <Link to="/sign-in" className="font-medium underline">
            Sign in with your new password
          </Link>
        </Alert>
      ) : (
        <form onSubmit={submit} noValidate aria-label="New password form" className="space-y-4">
          <Field
            label="New password"
            name="password"
            type="password"
            autoComplete="new-password"
            value={password}
            onChange={setPassword}
            error={form.errors.password}
            hint="At least 10 characters; a phrase of unrelated words is best"
            required
          />
          {problem && !form.errors.password && <ErrorAlert error={reset.error} title="Not changed" />}
          <Button type="submit" busy={reset.isPending} className="w-full">
            {reset.isPending ? "Saving…" : "Set the new password"}
          </Button>
        </form>
      )}
    </AccountFrame>
  );
};
