import { RequestPasswordResetInput } from "@tessera/domain";
import { Alert, Button } from "@tessera/ui";
import { ErrorAlert } from "../components/error-alert.tsx";
import { FormField } from "../components/form-field.tsx";
import { useZodForm } from "../components/zod-form.ts";
import { trpc } from "../trpc.ts";
import { AccountFrame } from "./link-page-frame.tsx";

/** Ask for a reset link; the answer is the same whether or not the address has an account. */
export const ForgotPasswordPage = () => {
  const form = useZodForm({ schema: RequestPasswordResetInput, defaultValues: { email: "" } });
  const request = trpc.auth.requestPasswordReset.useMutation({ onError: form.showServerErrors });
  const submit = form.handleSubmit(
    (input) => request.mutate(input),
    () => request.reset(),
  );
  return (
    <AccountFrame title="Forgot your password?" intro="We'll mail you a link to choose a new one.">
      {request.isSuccess ? (
        <Alert tone="success" title="Check your mail">
          {request.data.message} The link works for one hour.
        </Alert>
      ) : (
        <form onSubmit={submit} noValidate aria-label="Reset your password" className="space-y-4">
          <FormField
            control={form.control}
            label="Email"
            name="email"
            type="email"
            autoComplete="username"
            required
          />
          <ErrorAlert error={request.error} title="Not sent" />
          <Button type="submit" busy={request.isPending} className="w-full">
            {request.isPending ? "Sending…" : "Send the link"}
          </Button>
        </form>
      )}
    </AccountFrame>
  );
};
