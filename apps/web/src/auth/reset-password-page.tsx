import { ResetPasswordInput } from "@tessera/domain";
import { Alert, Button } from "@tessera/ui";
import { Link, useSearchParams } from "react-router";
import { ErrorAlert } from "../components/error-alert.tsx";
import { FormField } from "../components/form-field.tsx";
import { useZodForm } from "../components/zod-form.ts";
import { apiProblem, trpc } from "../trpc.ts";
import { AccountFrame, LinkProblem } from "./link-page-frame.tsx";

/** Choose a new password from a mailed link; every session of the account is signed out. */
export const ResetPasswordPage = () => {
  const [searchParams] = useSearchParams();
  const token = searchParams.get("token") ?? "";
  const form = useZodForm({ schema: ResetPasswordInput, defaultValues: { token, password: "" } });
  const reset = trpc.auth.resetPassword.useMutation({ onError: form.showServerErrors });
  const problem = apiProblem(reset.error);
  if (!token)
    return (
      <LinkProblem title="This link can't be used" message="This link is not valid — ask for a new one" />
    );
  if (problem?.code === "LINK_INVALID")
    return <LinkProblem title="This link can't be used" message={problem.message} />;

  const submit = form.handleSubmit(
    (input) => reset.mutate(input),
    () => reset.reset(),
  );
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
          <FormField
            control={form.control}
            label="New password"
            name="password"
            type="password"
            autoComplete="new-password"
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
